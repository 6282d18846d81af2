import { describe, expect, it } from 'vitest';
import { classifySmtpError, retryDelayMs, smtpAnswer } from './smtp-outcome';

describe('classifySmtpError', () => {
  it.each([
    [{ responseCode: 451, command: 'DATA', response: '451 4.7.1 Try again later' }, 'retry'],
    [{ responseCode: 450, command: 'RCPT TO' }, 'retry'],
    [{ responseCode: 452, command: 'RCPT TO' }, 'retry'],
    [{ responseCode: 421, command: 'RCPT TO' }, 'connection'],
    [{ responseCode: 421, command: 'CONN' }, 'connection'],
    [{ responseCode: 550, command: 'RCPT TO', response: '550 5.1.1 no such user' }, 'bounce'],
    [{ responseCode: 553, command: 'RCPT TO' }, 'bounce'],
    [{ responseCode: 554, command: 'DATA', response: '554 5.7.1 content refused' }, 'fail'],
    [{ responseCode: 535, command: 'AUTH PLAIN', code: 'EAUTH' }, 'connection'],
    [{ code: 'ECONNECTION', command: 'CONN' }, 'connection'],
    [{ code: 'ETIMEDOUT' }, 'connection'],
    [{ code: 'ESOCKET' }, 'connection'],
    [{ code: 'EMESSAGE' }, 'retry'],
    [new Error('something odd'), 'retry'],
    ['a string', 'retry'],
  ])('%j → %s', (error, outcome) => {
    expect(classifySmtpError(error)).toBe(outcome);
  });
});

describe('smtpAnswer', () => {
  it('prefers the server response, collapses whitespace and keeps it short', () => {
    expect(smtpAnswer({ response: '451  4.7.1\r\n try later', message: 'x' })).toBe('451 4.7.1 try later');
    expect(smtpAnswer(new Error('connect ECONNREFUSED 127.0.0.1:1'))).toBe('connect ECONNREFUSED 127.0.0.1:1');
    expect(smtpAnswer({ response: 'x'.repeat(900) })).toHaveLength(500);
  });
});

describe('retryDelayMs', () => {
  it('doubles from one minute and stops at an hour', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map(retryDelayMs)).toEqual([
      60_000, 120_000, 240_000, 480_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
  });
});
