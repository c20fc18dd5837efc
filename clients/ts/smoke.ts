// Calls the running service through the typescript-fetch client generated from its /q/openapi,
// exactly as generated. Exits non-zero on any unexpected answer.
import { Configuration, ResponseError } from "./generated/runtime";
import { AuditApi, DecisionsApi, PolicyApi, ServiceApi } from "./generated/apis";
import type { Decision } from "./generated/models";

const basePath = process.argv[2] ?? "http://localhost:8080";
// HTTP Basic, the document's basicAuth scheme: the generated client sends it on each secured call.
const config = new Configuration({ basePath, username: process.argv[3] ?? "admin", password: process.argv[4] ?? "admin" });

function check(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error("Smoke call failed: " + what);
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

  try {
    await decisions.decide({ decisionRequest: { affectedUsers: -1, impactLevel: "MAJOR" } });
    check(false, "a negative count is refused");
  } catch (e) {
    check(e instanceof ResponseError && e.response.status === 422, "422 as a ResponseError");
  }

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
  console.log("typescript-fetch client: 8 calls answered as documented");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
