// The acceptance walk of issue 3 with the official @microsoft/signalr client, against a running ./run.sh:
//   node tests/e2e/signalr-smoke.mjs walk           -> prints the id of the case it took through create..complete
//   node tests/e2e/signalr-smoke.mjs check <caseId> -> checks that case and its history are stored
// Exits non-zero with a reason on the first thing that is not as the design says.
import * as signalR from "@microsoft/signalr";

const base = process.env.ORLEANSCASES_URL ?? "http://127.0.0.1:5080";
const timeoutMs = 10_000;

async function tokenFor(username) {
  const response = await fetch(`${base}/api/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "demo-pass" }),
  });
  if (!response.ok) throw new Error(`sign-in of ${username}: ${response.status}`);
  return (await response.json()).accessToken;
}

async function api(token, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

async function listen(username) {
  const token = await tokenFor(username);
  const events = [];
  const waiters = [];
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${base}/hubs/cases`, { accessTokenFactory: () => token })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  connection.on("caseStatusUpdate", (e) => {
    events.push(e);
    for (const w of [...waiters]) if (w.test(e)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(e); }
  });
  await connection.start();
  const waitFor = (caseId, version) => {
    const found = events.find((e) => e.caseId === caseId && e.version === version);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const w = { test: (e) => e.caseId === caseId && e.version === version, resolve };
      waiters.push(w);
      setTimeout(() => reject(new Error(`${username} did not receive ${caseId} v${version} within ${timeoutMs} ms`)), timeoutMs);
    });
  };
  return { username, token, connection, events, waitFor };
}

function versionsOf(listener, caseId) {
  return [...new Set(listener.events.filter((e) => e.caseId === caseId).map((e) => e.version))];
}

async function walk() {
  const users = ["asha.north", "chw.north", "admin", "asha.south", "clinician.south", "clinician.north"];
  const live = Object.fromEntries(await Promise.all(users.map(async (u) => [u, await listen(u)])));
  const asha = live["asha.north"].token;
  const clinician = live["clinician.north"].token;

  const created = await api(asha, "POST", "/api/cases", { patientRef: "SMOKE-1", summary: "Smoke test", priority: "urgent" });
  const id = created.id;
  await api(asha, "POST", `/api/cases/${id}/actions/forward`, {});
  await api(clinician, "POST", `/api/cases/${id}/actions/claim`, {});
  await api(clinician, "POST", `/api/cases/${id}/actions/complete`, { note: "Resolved" });

  for (const u of ["asha.north", "chw.north", "admin"]) {
    for (const v of [1, 2, 3, 4]) await live[u].waitFor(id, v);
    const got = versionsOf(live[u], id);
    if (got.join() !== "1,2,3,4") throw new Error(`${u} received versions ${got} of ${id}`);
  }

  // A sentinel in the south: once the south users have it, anything of the north case would have arrived before.
  const south = live["asha.south"].token;
  const sentinel = await api(south, "POST", "/api/cases", { patientRef: "SMOKE-2", summary: "Sentinel", priority: "routine" });
  await api(south, "POST", `/api/cases/${sentinel.id}/actions/forward`, {});
  await live["asha.south"].waitFor(sentinel.id, 2);
  await live["clinician.south"].waitFor(sentinel.id, 2);
  for (const u of ["asha.south", "clinician.south"]) {
    if (versionsOf(live[u], id).length > 0) throw new Error(`${u} received events of the north case ${id}`);
  }

  await Promise.all(Object.values(live).map((l) => l.connection.stop()));
  console.log(id);
}

async function check(id) {
  const asha = await tokenFor("asha.north");
  const stored = await api(asha, "GET", `/api/cases/${id}`);
  const actions = stored.history.map((h) => h.action).join();
  if (stored.version !== 4 || stored.status !== "Completed" || actions !== "create,forward,claim,complete") {
    throw new Error(`case ${id} after restart: version ${stored.version}, status ${stored.status}, history ${actions}`);
  }
  console.log(`case ${id} kept its state and history: ${actions}`);
}

const [mode, arg] = process.argv.slice(2);
try {
  if (mode === "walk") await walk();
  else if (mode === "check") await check(arg);
  else throw new Error("usage: signalr-smoke.mjs walk | check <caseId>");
  process.exit(0);
} catch (error) {
  console.error(`signalr-smoke: ${error.message}`);
  process.exit(1);
}
