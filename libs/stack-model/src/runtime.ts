/**
 * Node.js flags for the API process, locally and under PM2 on EC2. A t3.micro has 1 GB; small
 * young-generation semi-spaces keep the API's resident memory near its live heap under load
 * (SPEC budget: 128 MB) at a small cost in GC work. The instance has 2 vCPUs, shared with the
 * CloudWatch agent: V8's background GC threads there only compete with the thread serving
 * requests, and with them off a cached catalog read cost about a fifth less CPU (60 instead of
 * 77 µs per request measured on 2 cores, the heap being this small its pauses stay short).
 */
export const API_NODE_FLAGS = [
  '--max-semi-space-size=4',
  '--max-old-space-size=96',
  '--single-threaded-gc',
] as const;

/**
 * Where the API listens and keeps its local data when the environment does not say: the API's
 * config (apps/api) and `npm start` (tools) both read these.
 */
export const LOCAL_DEFAULTS = {
  /** Loopback only on a laptop; deployed environments listen on every interface. */
  host: '127.0.0.1',
  deployedHost: '0.0.0.0',
  /** DynamoDB Local's files and the uploaded images, relative to the workspace. */
  dataDir: '.data',
  imagesDir: '.data/images',
} as const;
