// Unit tests for docs/assets/js/practice/schedule.js: the Leitner boxes, due days and counts.
import assert from "node:assert/strict";
import { test } from "node:test";

import { AGAIN, addDays, dueIds, GOOD, grade, HARD, INTERVALS, isDue, localDay, MASTERED_BOX, markForReview, markMastered, missedIds, status, tally } from "../../docs/assets/js/practice/schedule.js";

const NOW = Date.UTC(2026, 11, 1, 4, 0); // 2026-12-01 12:00 in Beijing
const TODAY = "2026-12-01";

test("a new entry graded 掌握 is mastered and comes back after a week", () => {
  const r = grade(undefined, GOOD, TODAY, NOW);
  assert.deepEqual(r, { box: MASTERED_BOX, due: "2026-12-08", last: NOW, grade: GOOD, reviews: 1, lapses: 0 });
  assert.equal(status(r), "mastered");
});

test("掌握 moves an entry up one box, up to the top box, with that box's interval", () => {
  let r = grade(undefined, AGAIN, TODAY, NOW);
  const boxes = [];
  for (let i = 0; i < 6; i += 1) {
    r = grade(r, GOOD, TODAY, NOW);
    boxes.push(r.box);
    assert.equal(r.due, addDays(TODAY, INTERVALS[r.box]));
  }
  assert.deepEqual(boxes, [2, 3, 4, 5, 5, 5]);
  assert.equal(r.reviews, 7);
});

test("不会 sends an entry back to box 1, due again the same day, and counts a lapse", () => {
  const mastered = grade(undefined, GOOD, TODAY, NOW);
  const r = grade(mastered, AGAIN, "2026-12-08", NOW + 1);
  assert.deepEqual([r.box, r.due, r.lapses, r.grade, status(r)], [1, "2026-12-08", 1, AGAIN, "learning"]);
  assert.ok(isDue(r, "2026-12-08"));
});

test("模糊 moves down one box (never below 1) and waits that box's interval", () => {
  const first = grade(undefined, HARD, TODAY, NOW);
  assert.deepEqual([first.box, first.due], [1, "2026-12-02"]);
  const top = { box: 5, due: TODAY, last: 0, grade: GOOD, reviews: 9, lapses: 0 };
  const r = grade(top, HARD, TODAY, NOW);
  assert.deepEqual([r.box, r.due, r.lapses], [4, addDays(TODAY, INTERVALS[4]), 0]);
});

test("an unknown grade is refused", () => {
  assert.throws(() => grade(undefined, 4, TODAY, NOW), RangeError);
});

test("due days are calendar days: across month, year and a leap day", () => {
  assert.equal(addDays("2026-12-31", 1), "2027-01-01");
  assert.equal(addDays("2028-02-28", 1), "2028-02-29");
  assert.equal(addDays("2026-01-31", 30), "2026-03-02");
});

test("an entry becomes due at the reader's local midnight, not at UTC midnight", () => {
  const r = grade(undefined, HARD, "2026-12-01", NOW); // due 2026-12-02
  const beijing = -480; // getTimezoneOffset() of UTC+8
  const beforeMidnight = Date.UTC(2026, 11, 1, 15, 59); // 23:59 in Beijing
  const afterMidnight = Date.UTC(2026, 11, 1, 16, 1); // 00:01 the next day in Beijing
  assert.equal(isDue(r, localDay(beforeMidnight, beijing)), false);
  assert.equal(isDue(r, localDay(afterMidnight, beijing)), true);
  // The same instant is still 2026-12-01 in New York (UTC-5): not due yet there.
  assert.equal(localDay(afterMidnight, 300), "2026-12-01");
  assert.equal(isDue(r, localDay(afterMidnight, 300)), false);
});

test("the day of grading is the local day, so a late-night grade counts for that evening", () => {
  const lateNight = Date.UTC(2026, 11, 1, 15, 30); // 23:30 in Beijing, 15:30 UTC
  const today = localDay(lateNight, -480);
  assert.equal(today, "2026-12-01");
  assert.equal(grade(undefined, HARD, today, lateNight).due, "2026-12-02");
  assert.equal(localDay(Date.UTC(2026, 11, 1, 16, 30), -480), "2026-12-02");
});

test("localDay defaults to the machine's own time zone", () => {
  const when = new Date(2026, 5, 15, 0, 30); // local 00:30
  assert.equal(localDay(when.getTime()), "2026-06-15");
});

test("marks from a topic page: 待复习 makes it due today; 已掌握 makes it mastered", () => {
  const review = markForReview(undefined, TODAY, NOW);
  assert.deepEqual(review, { reviews: 0, lapses: 0, grade: null, box: 1, due: TODAY, last: NOW });
  const known = markMastered(review, TODAY, NOW);
  assert.deepEqual([known.box, known.due, status(known)], [3, "2026-12-08", "mastered"]);
  const top = markMastered({ ...known, box: 5 }, TODAY, NOW);
  assert.equal(top.box, 5);
  const again = markForReview({ ...known, reviews: 4, lapses: 2, grade: GOOD }, TODAY, NOW);
  assert.deepEqual([again.box, again.reviews, again.lapses, again.grade], [1, 4, 2, GOOD]);
});

test("tally counts mastered, learning and new among the given ids only", () => {
  const records = {
    a: { box: 3, due: TODAY },
    b: { box: 1, due: TODAY },
    gone: { box: 5, due: TODAY },
  };
  assert.deepEqual(tally(["a", "b", "c", "d"], records), { mastered: 1, learning: 1, new: 2 });
});

test("dueIds lists due entries oldest due day first, then least recently seen", () => {
  const records = {
    late: { box: 1, due: "2026-11-30", last: 5 },
    older: { box: 2, due: "2026-11-20", last: 9 },
    today1: { box: 1, due: TODAY, last: 7 },
    today0: { box: 1, due: TODAY, last: 3 },
    future: { box: 3, due: "2026-12-02", last: 1 },
  };
  const ids = ["future", "today1", "late", "fresh", "today0", "older"];
  assert.deepEqual(dueIds(ids, records, TODAY), ["older", "late", "today0", "today1"]);
});

test("the 错题本 holds entries last graded 不会 or 模糊", () => {
  const records = { a: { grade: AGAIN }, b: { grade: HARD }, c: { grade: GOOD }, d: { grade: null } };
  assert.deepEqual(missedIds(["d", "c", "b", "a", "e"], records), ["b", "a"]);
});
