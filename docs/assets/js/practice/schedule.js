// Spaced review with five Leitner boxes. A record is what the reader's grades left on one entry:
//   { box: 1–5, due: "YYYY-MM-DD" (the reader's local calendar day), last: ms, grade: 1|2|3|null,
//     reviews: n, lapses: n }
// No record means the entry is new. Days are local calendar days, so "due today" flips at the
// reader's midnight, and a due day stays a day when the reader changes time zone.

export const AGAIN = 1; // 不会
export const HARD = 2; // 模糊
export const GOOD = 3; // 掌握

/** Days until the next review for each box (index = box). */
export const INTERVALS = [0, 1, 3, 7, 14, 30];
export const TOP_BOX = 5;
/** From this box on an entry counts as 已掌握. */
export const MASTERED_BOX = 3;

/** The local calendar day of the instant `ms`; `offset` is Date#getTimezoneOffset() (minutes). */
export function localDay(ms, offset = new Date(ms).getTimezoneOffset()) {
  return new Date(ms - offset * 60000).toISOString().slice(0, 10);
}

/** The calendar day `n` days after `day` (both "YYYY-MM-DD"). */
export function addDays(day, n) {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The record after grading it `grade` on `today` at instant `now`; `record` may be undefined. */
export function grade(record, value, today, now) {
  const box = record ? record.box : 0;
  let next;
  if (value === AGAIN) next = 1;
  else if (value === HARD) next = Math.max(1, box - 1);
  else if (value === GOOD) next = box === 0 ? MASTERED_BOX : Math.min(TOP_BOX, box + 1);
  else throw new RangeError(`unknown grade ${value}`);
  return {
    box: next,
    due: value === AGAIN ? today : addDays(today, INTERVALS[next]),
    last: now,
    grade: value,
    reviews: (record ? record.reviews : 0) + 1,
    lapses: (record ? record.lapses : 0) + (value === AGAIN ? 1 : 0),
  };
}

/** 待复习 from a topic page: back to box 1 and due today; the grade history stays. */
export function markForReview(record, today, now) {
  return { reviews: 0, lapses: 0, grade: null, ...record, box: 1, due: today, last: now };
}

/** 已掌握 from a topic page: at least the mastered box, next review after that box's interval. */
export function markMastered(record, today, now) {
  const box = Math.max(MASTERED_BOX, record ? record.box : 0);
  const base = { reviews: 0, lapses: 0, ...record };
  return { ...base, box, due: addDays(today, INTERVALS[box]), last: now, grade: GOOD };
}

/** "new", "learning" or "mastered". */
export function status(record) {
  if (!record) return "new";
  return record.box >= MASTERED_BOX ? "mastered" : "learning";
}

export function isDue(record, today) {
  return Boolean(record) && record.due <= today;
}

/** Counts of mastered, learning and new among `ids`. */
export function tally(ids, records) {
  const counts = { mastered: 0, learning: 0, new: 0 };
  for (const id of ids) counts[status(records[id])] += 1;
  return counts;
}

/** The ids among `ids` that are due on `today`, oldest due day first (then least recently seen). */
export function dueIds(ids, records, today) {
  const due = ids.filter((id) => isDue(records[id], today));
  const key = (id) => [records[id].due, records[id].last];
  return due.sort((a, b) => {
    const [da, la] = key(a);
    const [db, lb] = key(b);
    return da < db ? -1 : da > db ? 1 : la - lb;
  });
}

/** 错题本: ids whose last grade was 不会 or 模糊, in the order given. */
export function missedIds(ids, records) {
  return ids.filter((id) => records[id] && (records[id].grade === AGAIN || records[id].grade === HARD));
}
