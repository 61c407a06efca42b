// The benchmark's peer: what the Socket.IO prototype does (docs/prototype.md), so OrleansCases can be measured beside
// it. Cases live in memory; a change of status is emitted as `caseStatusUpdate` at once. Nothing is stored, nothing
// is authenticated, permissions are not checked: it is the delivery the prototype had, not a product.
//
//   node server.mjs [--port 5280] [--host 127.0.0.1] [--mode rooms|broadcast]
//
// broadcast: every event to every socket, as the seed does. rooms: sockets join rooms of docs/design.md section 3
// (user, region's CHWs, region's clinicians, admins) from their handshake, and each event goes to its rooms; Socket.IO
// sends one copy per socket however many of its rooms match. Connection state recovery is on, so a socket that comes
// back within two minutes gets what it missed (the benchmark's catch-up scenario).
//
// HTTP, JSON, the user in headers (x-user-id, x-user-name, x-user-role, x-user-region):
//   POST /api/cases {id, patientRef, summary, priority}   creates a case in the caller's region: 201 case
//   POST /api/cases/:id/actions/:action {note?}           a transition: 200 case, 404, 409
//   POST /api/cases/:id/messages {text, clientMessageId}   a message of the case's conversation, emitted as
//                                                          `caseMessage` to its audience (docs/design.md section 9): 201
//   GET  /health                                           200 {connections, cases}
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { Server } from 'socket.io';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '5280' },
    host: { type: 'string', default: '127.0.0.1' },
    mode: { type: 'string', default: 'rooms' },
  },
});
if (!['rooms', 'broadcast'].includes(args.mode)) {
  console.error(`--mode must be rooms or broadcast, not ${args.mode}`);
  process.exit(2);
}

// The lifecycle of docs/design.md section 2, statuses only: which statuses an action starts from, where it leads, and
// what it does to the assignee.
const transitions = {
  forward: { from: ['Open'], to: 'ForwardedToClinician' },
  assign: { from: ['ForwardedToClinician'], to: 'ForwardedToClinician' },
  claim: { from: ['ForwardedToClinician'], to: 'UnderReview', assignee: 'actor' },
  release: { from: ['UnderReview'], to: 'ForwardedToClinician', assignee: 'clear' },
  'request-info': { from: ['UnderReview'], to: 'NeedsInfo' },
  resubmit: { from: ['NeedsInfo'], to: 'UnderReview' },
  refer: { from: ['UnderReview'], to: 'Referred' },
  complete: { from: ['UnderReview', 'Referred'], to: 'Completed' },
  cancel: { from: ['Open', 'ForwardedToClinician', 'NeedsInfo'], to: 'Cancelled' },
  reopen: { from: ['Completed'], to: 'UnderReview' },
};

const cases = new Map();
const seqs = new Map();

const http = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    try {
      route(req, res, chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {});
    } catch (err) {
      send(res, 400, { title: 'Bad request', detail: String(err.message) });
    }
  });
});

const io = new Server(http, {
  serveClient: false,
  transports: ['websocket', 'polling'],
  connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: true },
});

io.use((socket, next) => {
  const { userId, role, region } = socket.handshake.auth ?? {};
  if (typeof userId !== 'string' || typeof role !== 'string') {
    next(new Error('auth needs userId and role'));
    return;
  }
  socket.data.user = { id: userId, role, region: region ?? null };
  next();
});

io.on('connection', (socket) => {
  if (args.mode === 'rooms' && !socket.recovered) {
    socket.join(roomsOfUser(socket.data.user));
  }
});

function roomsOfUser(user) {
  const rooms = [`user:${user.id}`];
  if (user.role === 'admin') rooms.push('admins');
  else if (user.role === 'chw') rooms.push(`region:${user.region}:role:chw`);
  else if (user.role === 'clinician') rooms.push(`region:${user.region}:role:clinician`);
  return rooms;
}

function roomsOfEvent(e) {
  const rooms = [`user:${e.ownerId}`, `region:${e.region}:role:chw`, 'admins'];
  if (e.assigneeId) rooms.push(`user:${e.assigneeId}`);
  if (e.previousAssigneeId) rooms.push(`user:${e.previousAssigneeId}`);
  if (e.status === 'ForwardedToClinician' || e.previousStatus === 'ForwardedToClinician') {
    rooms.push(`region:${e.region}:role:clinician`);
  }
  return rooms;
}

function userOf(req) {
  return {
    id: req.headers['x-user-id'],
    name: req.headers['x-user-name'] ?? req.headers['x-user-id'],
    role: req.headers['x-user-role'],
    region: req.headers['x-user-region'] ?? null,
  };
}

function route(req, res, body) {
  const url = new URL(req.url, 'http://peer');
  const parts = url.pathname.split('/').filter(Boolean);
  if (req.method === 'GET' && url.pathname === '/health') {
    send(res, 200, { connections: io.engine.clientsCount, cases: cases.size });
  } else if (req.method === 'POST' && parts.length === 2 && parts[0] === 'api' && parts[1] === 'cases') {
    create(res, userOf(req), body);
  } else if (req.method === 'POST' && parts.length === 5 && parts[0] === 'api' && parts[1] === 'cases' && parts[3] === 'actions') {
    act(res, userOf(req), decodeURIComponent(parts[2]), parts[4], body);
  } else if (req.method === 'POST' && parts.length === 4 && parts[0] === 'api' && parts[1] === 'cases' && parts[3] === 'messages') {
    say(res, userOf(req), decodeURIComponent(parts[2]), body);
  } else {
    send(res, 404, { title: 'Not found' });
  }
}

function create(res, user, body) {
  if (!user.id || !user.region || typeof body.id !== 'string') {
    send(res, 400, { title: 'A case needs an id and a caller with a region' });
    return;
  }
  const existing = cases.get(body.id);
  if (existing) {
    send(res, 201, existing);
    return;
  }
  const now = new Date().toISOString();
  const c = {
    id: body.id, region: user.region, patientRef: body.patientRef ?? '', summary: body.summary ?? '',
    priority: body.priority ?? 'routine', status: 'Open', version: 1, ownerId: user.id, assigneeId: null,
    createdAt: now, updatedAt: now,
  };
  cases.set(c.id, c);
  emit(c, 'create', null, null, user, body.note ?? null);
  send(res, 201, c);
}

function act(res, user, id, action, body) {
  const c = cases.get(id);
  const t = transitions[action];
  if (!c) {
    send(res, 404, { title: 'Not found' });
  } else if (!t) {
    send(res, 400, { title: `'${action}' is not an action` });
  } else if (!t.from.includes(c.status)) {
    send(res, 409, { title: 'Not allowed now', currentStatus: c.status });
  } else {
    const previousStatus = c.status;
    const previousAssigneeId = c.assigneeId;
    c.status = t.to;
    c.version += 1;
    c.updatedAt = new Date().toISOString();
    if (t.assignee === 'actor') c.assigneeId = user.id;
    if (t.assignee === 'clear') c.assigneeId = null;
    emit(c, action, previousStatus, previousAssigneeId, user, body.note ?? null);
    send(res, 200, c);
  }
}

// A message gets its case's next number and goes to the conversation's audience: owner, assignee, the region's CHWs and
// admins. The same clientMessageId from the same author answers the first message, as OrleansCases does; nothing is kept
// but the count and those ids.
function say(res, user, id, body) {
  const c = cases.get(id);
  if (!c) {
    send(res, 404, { title: 'Not found' });
    return;
  }
  if (typeof body.text !== 'string' || !body.text.trim() || typeof body.clientMessageId !== 'string') {
    send(res, 400, { title: 'A message needs text and a clientMessageId' });
    return;
  }
  c.sent ??= new Map();
  const key = `${user.id} ${body.clientMessageId}`;
  const known = c.sent.get(key);
  if (known) {
    send(res, 201, known);
    return;
  }
  const seq = (seqs.get(c.region) ?? 0) + 1;
  seqs.set(c.region, seq);
  c.messages = (c.messages ?? 0) + 1;
  const m = {
    id: `${c.id}/${c.messages}`, caseId: c.id, number: c.messages, authorId: user.id, authorName: user.name,
    authorRole: user.role, text: body.text, at: new Date().toISOString(), clientMessageId: body.clientMessageId,
  };
  c.sent.set(key, m);
  const rooms = [`user:${c.ownerId}`, `region:${c.region}:role:chw`, 'admins'];
  if (c.assigneeId) rooms.push(`user:${c.assigneeId}`);
  if (args.mode === 'broadcast') io.emit('caseMessage', { ...m, region: c.region, seq });
  else io.to(rooms).emit('caseMessage', { ...m, region: c.region, seq });
  send(res, 201, m);
}

// The event has the fields of OrleansCases' caseStatusUpdate (docs/design.md section 5) but the cursor, so the bytes on
// the wire compare; the seed's four (caseId, status, updatedBy, timestamp) are among them.
function emit(c, action, previousStatus, previousAssigneeId, user, note) {
  const seq = (seqs.get(c.region) ?? 0) + 1;
  seqs.set(c.region, seq);
  const e = {
    caseId: c.id, status: c.status, previousStatus, action, updatedBy: user.id, updatedByName: user.name,
    timestamp: c.updatedAt, region: c.region, ownerId: c.ownerId, assigneeId: c.assigneeId, previousAssigneeId,
    priority: c.priority, version: c.version, note, seq,
  };
  if (args.mode === 'broadcast') io.emit('caseStatusUpdate', e);
  else io.to(roomsOfEvent(e)).emit('caseStatusUpdate', e);
}

function send(res, status, value) {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

http.listen(Number(args.port), args.host, () => {
  console.log(`peer listening on http://${args.host}:${args.port} (mode ${args.mode})`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    io.close();
    http.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
