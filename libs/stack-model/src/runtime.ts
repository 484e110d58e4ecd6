/**
 * Node.js flags for the API process, locally and under PM2 on EC2. A t3.micro has 1 GB; small
 * young-generation semi-spaces keep the API's resident memory near its live heap under load
 * (SPEC budget: 150 MB) at a small cost in GC work.
 */
export const API_NODE_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=96'] as const;
