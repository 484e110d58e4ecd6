import { API_PORT } from './ports';
import { PROJECT_NAME } from './naming';

/**
 * The layout of an API instance, shared by the EC2 user data (first boot, replaced or scaled-out
 * instances) and `nx run api:deploy` (every release after that): where releases live, who runs
 * them, how PM2 knows the app.
 */
export const INSTANCE_LAYOUT = {
  /** The unprivileged user the API runs as. */
  user: PROJECT_NAME,
  home: `/opt/${PROJECT_NAME}`,
  appDir: `/opt/${PROJECT_NAME}/api`,
  releasesDir: `/opt/${PROJECT_NAME}/api/releases`,
  /** Symlink to the active release. */
  currentLink: `/opt/${PROJECT_NAME}/api/current`,
  /** root:<user>, mode 640: the API's environment, JWT secret included. */
  environmentFile: `/opt/${PROJECT_NAME}/api/environment.json`,
  ecosystemFile: `/opt/${PROJECT_NAME}/api/ecosystem.config.cjs`,
  /** Mode 700: `pm2 save` writes the process environment, JWT secret included, to dump.pm2 in it. */
  pm2Home: `/opt/${PROJECT_NAME}/.pm2`,
  /**
   * The API's log files, outside PM2_HOME: the CloudWatch agent (user cwagent) reads them, and
   * must not be able to read PM2_HOME.
   */
  logDir: `/var/log/${PROJECT_NAME}`,
  pm2App: `${PROJECT_NAME}-api`,
  /** Releases kept on disk for rollback. */
  keepReleases: 5,
} as const;

/** The API's readiness endpoint: the deploy gate and the load balancer's health check. */
export const HEALTH_READY_PATH = '/health/ready';
/** Liveness (the process answers); the readiness path lives under it. */
export const HEALTH_LIVE_PATH = '/health';

/** Where the API listens on an instance. */
export const INSTANCE_API_HOST = '0.0.0.0';
export const INSTANCE_API_PORT = API_PORT;
