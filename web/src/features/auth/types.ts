export interface User {
  id: string;
  email: string;
  name: string;
  role: "user" | "admin";
}

/** `GET /api/auth/me`: the signed-in user with the current credit balance. */
export interface Me extends User {
  balance: number;
}
