// The March C- routine the check runs on the target itself (source: march-c.S, assembled
// by scripts/build-check-routines.sh). 124 bytes of position-independent Thumb-2: it needs
// no stack and touches only the range it tests, so it can sit in one half of SRAM while it
// tests the other.
export const MARCH_ROUTINE_HEX =
  '0024e5430023064646f8044b8e42fbd1012306463768a74228d146f8045b8e42f8d1022306463768af4223d146f8044b8e42f8d103230e4656f8047da74215d135608642f8d104230e4656f8047daf4210d134608642f8d1052306463768a74204d104368e42f9d1002000be30463946224600be304639462a4600be';

export function marchRoutine(): Uint8Array {
  const bytes = new Uint8Array(MARCH_ROUTINE_HEX.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(MARCH_ROUTINE_HEX.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
