import { GenerateCredentialReportCommand, GetAccountPasswordPolicyCommand, GetAccountSummaryCommand, GetCredentialReportCommand } from '@aws-sdk/client-iam';
import { awsErrorCode, awsErrorMessage } from './aws-error.js';
import { responseBody } from './list-pages.js';

/** What `collectIamAccount` needs: an IAM client (anything that sends commands), and where failures go. */
export interface IamAccountWork {
  client: { send(command: object): Promise<object> };
  /** Records a failed call as a coverage gap of the account. */
  fail(operation: string, error: unknown): void;
  /** Waits between polls of GenerateCredentialReport (tests pass one that returns at once). */
  wait?: (ms: number) => Promise<void>;
}

/** Account-wide IAM settings by operation: the response body, or `{ Error: { Code, Message } }`. */
export type IamAccountResponses = Partial<Record<IamAccountOperation, unknown>>;
export type IamAccountOperation = 'GetCredentialReport' | 'GetAccountSummary' | 'GetAccountPasswordPolicy';

/** Polls of GenerateCredentialReport before giving up: IAM usually completes a report within seconds. */
export const REPORT_POLLS = 10;
const POLL_INTERVAL_MS = 2000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The account-level IAM facts no list call returns: the credential report (generated on demand and
 * polled a bounded number of times), the account summary and the password policy. Each failure is a
 * coverage gap naming the operation; a report still not ready after the polls is a gap too (never "no
 * users"). NoSuchEntity on the password policy is an answer (no policy set), recorded as such.
 */
export async function collectIamAccount(work: IamAccountWork): Promise<IamAccountResponses> {
  const out: IamAccountResponses = {};
  const report = await credentialReport(work);
  if (report) out.GetCredentialReport = report;
  try {
    out.GetAccountSummary = responseBody(await work.client.send(new GetAccountSummaryCommand({})));
  } catch (error) {
    work.fail('GetAccountSummary', error);
  }
  try {
    out.GetAccountPasswordPolicy = responseBody(await work.client.send(new GetAccountPasswordPolicyCommand({})));
  } catch (error) {
    if (awsErrorCode(error) === 'NoSuchEntity') out.GetAccountPasswordPolicy = { Error: { Code: 'NoSuchEntity', Message: awsErrorMessage(error) } };
    else work.fail('GetAccountPasswordPolicy', error);
  }
  return out;
}

async function credentialReport(work: IamAccountWork): Promise<unknown> {
  const wait = work.wait ?? sleep;
  try {
    let state: unknown;
    for (let poll = 0; poll < REPORT_POLLS; poll++) {
      if (poll > 0) await wait(POLL_INTERVAL_MS);
      state = (await work.client.send(new GenerateCredentialReportCommand({})) as { State?: unknown }).State;
      if (state === 'COMPLETE') break;
    }
    if (state !== 'COMPLETE') {
      work.fail('GenerateCredentialReport', notReady(`the credential report was still ${String(state ?? 'not started')} after ${REPORT_POLLS} polls`));
      return undefined;
    }
  } catch (error) {
    work.fail('GenerateCredentialReport', error);
    return undefined;
  }
  try {
    const body = responseBody(await work.client.send(new GetCredentialReportCommand({})));
    const content = body['Content'];
    // The SDK returns the CSV as bytes; the recording keeps it as text so a saved inventory stays readable.
    if (content instanceof Uint8Array) body['Content'] = new TextDecoder().decode(content);
    if (body['GeneratedTime'] instanceof Date) body['GeneratedTime'] = body['GeneratedTime'].toISOString();
    return body;
  } catch (error) {
    work.fail('GetCredentialReport', error);
    return undefined;
  }
}

function notReady(message: string): Error {
  const error = new Error(message);
  error.name = 'ReportNotReady';
  return error;
}
