// A tiny remote_bitbang JTAG server used ONLY to provoke real OpenOCD output for the
// diagnosis corpus (the virtual board in main/vboard is the real simulator).
//   node rbb-stub.mjs ones            TDO always 1  (nothing drives TDO)
//   node rbb-stub.mjs zeros           TDO always 0  (TDO held low)
// A constant TDO alone does not say why (no power, a bad wire, firmware holding the pins):
// the corpus header's answers:/checks: lines say what decided each log's label.
//   node rbb-stub.mjs chain ID:IRLEN,ID:IRLEN   TAPs with those IDCODEs (first = nearest TDO)
// Prints the listening port on stdout, serves one connection, exits when it closes.
import net from 'node:net';

const [mode = 'ones', spec = ''] = process.argv.slice(2);
// IEEE 1149.1 TAP state machine: next[state][tms]
const NEXT = {
  TLR: ['RTI', 'TLR'], RTI: ['RTI', 'SDS'], SDS: ['CDR', 'SIS'], CDR: ['SDR', 'E1D'], SDR: ['SDR', 'E1D'],
  E1D: ['PDR', 'UDR'], PDR: ['PDR', 'E2D'], E2D: ['SDR', 'UDR'], UDR: ['RTI', 'SDS'], SIS: ['CIR', 'TLR'],
  CIR: ['SIR', 'E1I'], SIR: ['SIR', 'E1I'], E1I: ['PIR', 'UIR'], PIR: ['PIR', 'E2I'], E2I: ['SIR', 'UIR'], UIR: ['RTI', 'SDS'],
};
const taps = mode === 'chain'
  ? spec.split(',').map((t) => { const [id, ir] = t.split(':'); return { id: BigInt(id), irlen: Number(ir), ir: 0n, sr: 0n, len: 1, idcodeSel: true }; })
  : [];
let state = 'TLR';
let tck = 0;
function capture() {
  for (const t of taps) {
    if (state === 'CIR') { t.sr = 1n; t.len = t.irlen; }
    else if (t.idcodeSel) { t.sr = t.id; t.len = 32; }
    else { t.sr = 0n; t.len = 1; }
  }
}
function shift(tdi) {
  // TDI enters the last TAP; TDO leaves the first.
  let carry = BigInt(tdi);
  for (let i = taps.length - 1; i >= 0; i--) {
    const t = taps[i];
    const out = t.sr & 1n;
    t.sr = (t.sr >> 1n) | (carry << BigInt(t.len - 1));
    carry = out;
  }
}
function update() {
  for (const t of taps) {
    if (state === 'UIR') { t.ir = t.sr; t.idcodeSel = t.ir !== (1n << BigInt(t.irlen)) - 1n && (t.ir === 0b1110n || t.ir === 0b00001n); }
  }
}
function tdo() {
  if (mode === 'ones') return 1;
  if (mode === 'zeros') return 0;
  if ((state === 'SDR' || state === 'SIR') && taps.length > 0) return Number(taps[0].sr & 1n);
  return 0;
}
const server = net.createServer((sock) => {
  sock.on('data', (buf) => {
    let reply = '';
    for (const ch of buf.toString('latin1')) {
      if (ch >= '0' && ch <= '7') {
        const v = ch.charCodeAt(0) - 48;
        const ntck = (v >> 2) & 1, tms = (v >> 1) & 1, tdi = v & 1;
        if (ntck && !tck) {
          if (state === 'SDR' || state === 'SIR') shift(tdi);
          state = NEXT[state][tms];
          if (state === 'CDR' || state === 'CIR') capture();
          if (state === 'UDR' || state === 'UIR') update();
          if (state === 'TLR') for (const t of taps) t.idcodeSel = true;
        }
        tck = ntck;
      } else if (ch === 'R') reply += String(tdo());
      else if (ch === 'r' || ch === 's' || ch === 't' || ch === 'u') { if (ch === 'r' || ch === 's') { state = 'TLR'; for (const t of taps) t.idcodeSel = true; } }
      else if (ch === 'Q') sock.end();
    }
    if (reply) sock.write(reply);
  });
  sock.on('close', () => server.close());
  sock.on('error', () => server.close());
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
