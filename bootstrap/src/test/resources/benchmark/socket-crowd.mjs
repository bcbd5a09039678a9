// Opens one WebSocket per line of a tokens file ("<user> <token>") to a Mosaic node, a fixed number at a
// time, offering permessage-deflate as browsers and the ws package do (unless told "off"). Prints one line
// when every socket is ready; then, told a number of reconnects, that many times drops them all and opens them
// again as a client already current does after a network blip (since = the ready frame's last_seq), and prints a
// line each time they are ready again. Then one line per chat_message received, with process.hrtime (CLOCK_MONOTONIC, the clock of
// Java's System.nanoTime on Linux). Closes everything when its standard input ends.
import WebSocket from 'ws';
import { readFileSync } from 'node:fs';

const [url, tokensFile, concurrencyArg, deflateArg, reconnectArg] = process.argv.slice(2);
const tokens = readFileSync(tokensFile, 'utf8').trim().split('\n');
const concurrency = Number(concurrencyArg);
const deflate = deflateArg !== 'off';
// how many times every socket is dropped and opened again once all are ready
let reconnects = Number(reconnectArg);
let sockets = [];
const lastSeqs = new Map();
let wave = 'connected';
let next = 0;
let ready = 0;
let failed = 0;
let extensions = '';
let start = process.hrtime.bigint();
let cpuAtStart = process.cpuUsage();

function settled() {
    if (ready + failed === tokens.length) {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        const cpu = process.cpuUsage(cpuAtStart);
        const cpuMs = (cpu.user + cpu.system) / 1000;
        console.log(`${wave} ${ready} failed ${failed} ms ${ms.toFixed(0)} cpu ${cpuMs.toFixed(0)}`
            + ` extensions "${extensions}"`);
        if (reconnects > 0) {
            reconnects--;
            setTimeout(again, 2000);
            return;
        }
    }
    open();
}

function again() {
    sockets.forEach((ws) => {
        ws.dropped = true;
        ws.terminate();
    });
    sockets = [];
    // the node's closing of 10,000 sockets is not part of the next wave's cost
    setTimeout(() => {
        wave = 'reconnected';
        next = 0;
        ready = 0;
        failed = 0;
        begin('reconnecting');
    }, 3000);
}

function begin(name) {
    console.log(name);
    setTimeout(() => {
        start = process.hrtime.bigint();
        cpuAtStart = process.cpuUsage();
        for (let i = 0; i < concurrency; i++) {
            open();
        }
    }, 200);
}

function open() {
    if (next >= tokens.length) {
        return;
    }
    const [user, token] = tokens[next++].split(' ');
    const since = lastSeqs.has(user) ? `?since=${lastSeqs.get(user)}` : '';
    const ws = new WebSocket(url + since, { headers: { Authorization: `Bearer ${token}` }, perMessageDeflate: deflate });
    sockets.push(ws);
    let counted = false;
    ws.on('message', (data) => {
        const now = process.hrtime.bigint();
        const frame = JSON.parse(data.toString());
        if (frame.type === 'ready' && !counted) {
            counted = true;
            ready++;
            lastSeqs.set(user, frame.last_seq);
            extensions = ws.extensions;
            settled();
        } else if (frame.type === 'chat_message') {
            console.log(`message ${user} ${frame.data.message_id} ${now}`);
        }
    });
    ws.on('error', (error) => {
        if (!counted) {
            counted = true;
            failed++;
            console.error(`socket of user ${user}: ${error.message}`);
            settled();
        }
    });
    ws.on('close', (code, reason) => {
        if (!counted) {
            counted = true;
            failed++;
            settled();
        } else if (!ws.dropped && code !== 1005 && code !== 1000) {
            console.error(`socket of user ${user} closed ${code} ${reason}`);
        }
    });
}

begin('connecting');
process.stdin.on('end', () => {
    sockets.forEach((ws) => ws.terminate());
    process.exit(0);
});
process.stdin.resume();
