// A bundled list of the most common passwords (and simple variants), checked at sign-up.
// Drawn from the top of the NCSC "100,000 most common passwords" list, plus seasonal and
// portal-specific words; lower-cased. A short list keeps the bundle small.
const COMMON = new Set(
  `123456 123456789 qwerty password 111111 12345678 abc123 1234567 password1 12345 1234567890 123123 000000
iloveyou 1234 1q2w3e4r5t qwertyuiop 123 monkey dragon 123456a 654321 123321 666666 1qaz2wsx myspace1 121212
homelesspa 123qwe a123456 123abc 1q2w3e4r qwe123 7777777 qwerty123 target123 tinkle 987654321 qwerty1 222222
zxcvbnm 1g2w3e4r gwerty zag12wsx gwerty123 555555 fuckyou 112233 asdfghjkl 1q2w3e 123123123 qazwsx
computer princess 12345a ashley 159753 michael football sunshine 1234qwer iloveyou1 aaaaaa fuckyou1 789456123
daniel 777777 princess1 123654 11111 asdfgh 999999 11111111 passer2009 888888 love abcd1234 shadow football1
love123 superman jordan23 jessica monkey1 12qwaszx a12345 baseball 123456789a killer asdf welcome master
passw0rd letmein trustno1 password123 password1234 qwertyqwerty administrator changeme welcome123
letmein123 councilpassword council2026 password2026 password2025 summer2026 winter2026 spring2026
autumn2026 qwertyuiop123 123456789012 1234567890123 iloveyou123 passwordpassword adminadmin123`
    .split(/\s+/)
    .filter(Boolean),
);

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return true;
  // "Password123!" style variants of a listed word.
  // Trimmed with a loop, not /[^a-z]+$/ (which backtracks quadratically on long digit runs).
  let start = 0;
  let end = lower.length;
  while (start < end && !isLetter(lower.charCodeAt(start))) start++;
  while (end > start && !isLetter(lower.charCodeAt(end - 1))) end--;
  const stripped = lower.slice(start, end);
  if (stripped.length >= 4 && COMMON.has(stripped)) return true;
  // One repeated character or a simple keyboard/number run.
  return /^(.)\1+$/.test(lower);
}

function isLetter(code: number): boolean {
  return code >= 97 && code <= 122;
}
