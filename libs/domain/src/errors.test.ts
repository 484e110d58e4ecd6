import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, errorCodeForStatus, internalError, unavailable } from './errors';

describe('error codes', () => {
  it('reads ERROR_STATUS backwards: every status the contract uses has a code with that status', () => {
    for (const status of new Set(Object.values(ERROR_STATUS))) {
      const code = errorCodeForStatus(status);
      expect(code && ERROR_STATUS[code]).toBe(status);
    }
  });

  it('answers 409 raised outside the domain as CONFLICT and knows no code for other statuses', () => {
    expect(errorCodeForStatus(409)).toBe('CONFLICT');
    expect(errorCodeForStatus(418)).toBeUndefined();
  });

  it('renders the shared failures in the contract shape', () => {
    expect(internalError().toBody()).toEqual({
      error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side' },
    });
    expect(unavailable('DynamoDB is not reachable').status).toBe(503);
  });
});
