// Calls the running service through the typescript-fetch client generated from its /q/openapi,
// exactly as generated. Exits non-zero on any unexpected answer.
import { Configuration, ResponseError } from "./generated/runtime";
import { AuditApi, DecisionsApi, IncidentsApi, PolicyApi, ServiceApi, WebhooksApi } from "./generated/apis";
import { IncidentEventFromJSON, ProblemFromJSON } from "./generated/models";
import { createHmac } from "node:crypto";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import type { Decision, Problem } from "./generated/models";

const basePath = process.argv[2] ?? "http://localhost:8080";
// HTTP Basic, the document's basicAuth scheme: the generated client sends it on each secured call.
const config = new Configuration({ basePath, username: process.argv[3] ?? "admin", password: process.argv[4] ?? "admin" });

function check(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error("Smoke call failed: " + what);
  }
}

/** The Problem a call is refused with; fails when the call succeeds or fails otherwise. */
async function problemOf(call: () => Promise<unknown>): Promise<Problem> {
  try {
    await call();
  } catch (e) {
    check(e instanceof ResponseError, "refused with a ResponseError: " + e);
    const response = (e as ResponseError).response;
    check((response.headers.get("Content-Type") ?? "").startsWith("application/problem+json"), "a problem body");
    return ProblemFromJSON(await response.json());
  }
  throw new Error("Smoke call failed: the call was not refused");
}

/**
 * An incident's event reaches a subscriber as the callback incidentEvent describes (signed, its body
 * the document's IncidentEvent, read with the generated IncidentEventFromJSON), and the SSE stream
 * (streamIncidentEvents, from its start) gives the same event.
 */
async function deliveredAndStreamed(incidents: IncidentsApi, webhooks: WebhooksApi): Promise<void> {
  let deliver: (d: { signature: string; body: string }) => void = () => undefined;
  const delivered = new Promise<{ signature: string; body: string }>((resolve) => { deliver = resolve; });
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      res.writeHead(204).end();
      deliver({ signature: String(req.headers["severity-signature"] ?? ""), body: Buffer.concat(chunks).toString("utf8") });
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  try {
    const port = (receiver.address() as AddressInfo).port;
    const secret = "ts-smoke-hook-" + Date.now();
    const hook = await webhooks.createSubscription({ subscriptionRequest: {
      url: "http://127.0.0.1:" + port + "/hook", events: ["com.incidents.severity.incident.severity.changed"], secret } });
    const key = "TS-SMOKE-HOOK-" + Date.now();
    const opened = await incidents.putIncident({ key, incidentFacts: { partnerReports: 7 } });
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no delivery within 60 s")), 60000));
    const d = await Promise.race([delivered, timeout]);
    const [, t, v1] = /^t=([0-9]+),v1=([0-9a-f]{64})$/.exec(d.signature) ?? [];
    check(createHmac("sha256", secret).update(t + "." + d.body).digest("hex") === v1, "the delivery's signature verifies");
    const event = IncidentEventFromJSON(JSON.parse(d.body));
    check(event.subject === key && event.data.decisionId === opened.latestDecisionId
      && event.type === "com.incidents.severity.incident.severity.changed", "the delivery is an IncidentEvent");

    const stream = await incidents.streamIncidentEventsRaw({ incident: key, lastEventID: "0" });
    const reader = stream.raw.body!.getReader();
    let text = "";
    while (!/^data:.*\n/m.test(text)) { // a whole data line
      const chunk = await reader.read();
      check(!chunk.done, "the stream gives the event");
      text += new TextDecoder().decode(chunk.value);
    }
    await reader.cancel();
    const streamed = IncidentEventFromJSON(JSON.parse(/^data:(.*)\n/m.exec(text)![1].trim()));
    check(streamed.id === event.id && streamed.data.incident === key, "streamIncidentEvents gives the same IncidentEvent");
    await webhooks.deleteSubscription({ id: hook.id });
  } finally {
    receiver.close();
  }
}

async function main(): Promise<void> {
  const pong = await new ServiceApi(config).ping();
  check(pong.status === "ok", "ping");

  const decisions = new DecisionsApi(config);
  const decision: Decision = await decisions.decide({ decisionRequest: { partnerReports: 7 }, xClientId: "ts-smoke" });
  check(decision.decisionId.length > 0 && decision.facts.partnerReports === 7, "decide");
  check(decision.decidedAt instanceof Date, "decidedAt is a Date");

  const batch = await decisions.decideBatch({ decisionRequest: [{ partnerReports: 1 }, { partnerReports: -1 }] });
  check(batch.decided === 1 && batch.rejected === 1 && batch.results[1].problem?.status === 422, "decideBatch");

  // A refusal is a ResponseError whose body is the document's Problem, read with the generated ProblemFromJSON
  const refused = await problemOf(() => decisions.decide({ decisionRequest: { partnerReports: -1 } }));
  check(refused.status === 422 && refused.type === "/problems/invalid-request", "422 as a Problem");
  check((refused.errors ?? []).some((f) => f.field === "partnerReports"), "the Problem names partnerReports");

  // Without credentials: a 401 Problem
  const anonymous = new ServiceApi(new Configuration({ basePath }));
  const unauthorized = await problemOf(() => anonymous.ping());
  check(unauthorized.status === 401 && unauthorized.type === "/problems/unauthorized", "401 as a Problem");

  const audit = new AuditApi(config);
  const page = await audit.listDecisions({ clientLabel: "ts-smoke", limit: 10 });
  check(page.items.some((r) => r.decisionId === decision.decisionId), "listDecisions");
  const record = await audit.getDecision({ id: decision.decisionId });
  check(record.status === "DECIDED" && record.seq > 0, "getDecision");

  const policy = new PolicyApi(config);
  const capabilities = await policy.listCapabilities();
  check(capabilities.length > 0, "listCapabilities");
  const view = await policy.getPolicy();
  check(view.version === decision.policyVersion, "getPolicy");

  // An incident: opened, changed by a merge patch on its ETag, a stale write refused, its timeline, its end
  const incidents = new IncidentsApi(config);
  const key = "TS-SMOKE-" + Date.now();
  const opened = await incidents.putIncident({ key, incidentFacts: { partnerReports: 7 }, xClientId: "ts-smoke" });
  check(opened.revision === 1 && opened.severity === decision.severity, "putIncident");
  const patched = await incidents.patchIncident({ key, body: { partnerReports: 18 }, ifMatch: '"1"' });
  check(patched.revision === 2 && patched.decisions === 2, "patchIncident");
  const stale = await problemOf(() => incidents.patchIncident({ key, body: { partnerReports: 3 }, ifMatch: '"1"' }));
  check(stale.status === 412 && stale.type === "/problems/incident-changed", "a stale write is a 412 Problem");
  const timeline = await incidents.getIncidentTimeline({ key });
  check(timeline.decisions.length === 2 && timeline.decisions[1].trigger === "FACTS", "getIncidentTimeline");
  const resolved = await incidents.resolveIncident({ key, ifMatch: '"2"' });
  check(resolved.state === "RESOLVED", "resolveIncident");

  // A webhook subscription: made (its secret never answered), listed, read, its deliveries; a host
  // that is not allowed refused naming url; ended
  const webhooks = new WebhooksApi(config);
  const secret = "ts-smoke-secret-" + Date.now();
  const subscription = await webhooks.createSubscription({ subscriptionRequest: {
    url: "http://127.0.0.1:9/ts-smoke", events: ["com.incidents.severity.incident.severity.changed"], secret } });
  check(subscription.id.length > 0 && subscription.events[0] === "com.incidents.severity.incident.severity.changed"
    && subscription.createdAt instanceof Date && !JSON.stringify(subscription).includes(secret), "createSubscription");
  const mine = await webhooks.listSubscriptions();
  check(mine.subscriptions.some((s) => s.id === subscription.id), "listSubscriptions");
  check((await webhooks.getSubscription({ id: subscription.id })).url === "http://127.0.0.1:9/ts-smoke", "getSubscription");
  const sent = await webhooks.listSubscriptionDeliveries({ id: subscription.id });
  check(sent.count === sent.deliveries.length, "listSubscriptionDeliveries");
  const notAllowed = await problemOf(() => webhooks.createSubscription({ subscriptionRequest: {
    url: "https://example.com/hook", events: ["com.incidents.severity.incident.resolved"], secret } }));
  check(notAllowed.status === 422 && (notAllowed.errors ?? []).some((f) => f.field === "url"), "a host not allowed is a 422 naming url");
  await webhooks.deleteSubscription({ id: subscription.id });
  const gone = await problemOf(() => webhooks.getSubscription({ id: subscription.id }));
  check(gone.status === 404, "an ended subscription is gone");
  await deliveredAndStreamed(incidents, webhooks);
  console.log("typescript-fetch client: 23 calls answered as documented, a webhook delivery and the event stream read as IncidentEvent");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
