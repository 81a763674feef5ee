import { ConfigError, loadConfig } from '../../src/config/load-config';

/** The admin-facing message loadConfig stops with, or '' when the settings are fine. */
export function configProblems(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env, '/srv/refleks');
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
}
