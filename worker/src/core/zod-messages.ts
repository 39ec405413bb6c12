import { z } from "zod";

// Zod's default texts ("Invalid input: expected string, received undefined") reach users through
// the field details of a 400, so the common cases get plain messages here.
z.config({
  customError: (issue) => {
    if (issue.code === "invalid_type" && issue.input === undefined) return "This field is required";
    if (issue.code === "too_small" && issue.origin === "number") return `Use a number of at least ${issue.minimum}`;
    if (issue.code === "too_big" && issue.origin === "number") return `Use a number of at most ${issue.maximum}`;
    return undefined;
  },
});
