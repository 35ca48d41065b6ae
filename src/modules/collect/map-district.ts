// The form's option "the address must lie inside the chosen district": coordinates given with a
// district are checked against that district's GeoJSON outline (platform/geo.ts). Without
// coordinates, a district or an outline, there is nothing to check.
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import type { FormErrors } from '../../platform/forms.ts';
import { pointInOutline } from '../../platform/geo.ts';
import type { FormConfig } from './rules.ts';
import type { ProposalInput } from './proposal-input.ts';

export function checkInsideDistrict(db: Db, form: FormConfig, input: ProposalInput, errors: FormErrors): void {
  if (!form.insideDistrict || input.lat == null || input.lng == null || input.districtId === null || errors.lat) return;
  const district = readSync(db).first(db.selectFrom('districts').select(['name', 'geojson']).where('id', '=', input.districtId));
  if (district && pointInOutline(input.lat, input.lng, district.geojson) === false) errors.lat = { key: 'collect.media.errors.outside_district', params: { district: district.name } };
}
