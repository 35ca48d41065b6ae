// Every route of the accounts module, one plugin per resource.
import type { FastifyPluginAsync } from 'fastify';
import { registerRoutes } from './register-routes.ts';
import { loginRoutes } from './login-routes.ts';
import { passwordRoutes } from './password-routes.ts';
import { accountRoutes } from './account-routes.ts';
import { emailRoutes } from './email-routes.ts';
import { dataRoutes } from './data-routes.ts';

export const routes: FastifyPluginAsync = async (app) => {
  for (const plugin of [registerRoutes, loginRoutes, passwordRoutes, accountRoutes, emailRoutes, dataRoutes]) await app.register(plugin);
};
