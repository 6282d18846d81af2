import { existsSync } from 'node:fs';

/** Loads .env (if present) into process.env without overriding what is already set. */
export function loadDotEnv(file = '.env') {
  if (existsSync(file)) process.loadEnvFile(file);
}
