// The usage text of the `palabre` command and the error a wrong invocation throws (exit 2).
export class CliError extends Error {}

export const usage = `Usage: palabre [command] [options]

Commands:
  serve                                 Start the web server (the default command).
  migrate                               Apply pending database migrations and list them.
  admin create --email <e> --name <n>   Create an administrator shown on the site as <n> (or
                                        promote an existing account; --name is then optional)
                                        and print a one-time link to choose the password.
  backup <file>                         Write a consistent copy of the database to <file>
                                        (safe while the server runs) and check it.
  demo                                  Apply migrations and load demonstration content.
  config                                Show every option, its current value and its meaning.
  recount <file>                        Recompute a votation's results from its published
                                        ballot file (ballots.json) and print them.
  help                                  Show this text.

Configuration comes from environment variables (see README.md and .env.example).
`;
