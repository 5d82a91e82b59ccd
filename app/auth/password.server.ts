// Password hashing with bcrypt (cost 12), pure JS so it installs from the npm registry alone.
import bcrypt from "bcryptjs";

export const BCRYPT_COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// A real hash of a random password, compared against when the account does not exist,
// so a missing account takes as long to refuse as a wrong password.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= bcrypt.hash(`decoy-${Math.random()}`, BCRYPT_COST);
  return decoyHash;
}
