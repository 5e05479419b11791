// What a reader typed, as the terms the ranking uses. Question words and connectives (为什么,
// 有什么区别, 怎么, 流程…) are dropped: the technical term decides the ranking, not the phrasing.

/** Multi-character question words and connectives, removed from Chinese runs (longest first). */
export const QUESTION_WORDS = [
  "为什么能",
  "为什么会",
  "为什么要",
  "有什么区别",
  "有什么不同",
  "有啥不一样",
  "有什么用",
  "有什么问题",
  "有什么优势",
  "是什么意思",
  "什么意思",
  "有哪些",
  "是什么",
  "为什么",
  "什么是",
  "怎么办",
  "怎么样",
  "怎么选",
  "怎么做",
  "好在哪",
  "差在哪",
  "干嘛的",
  "干什么",
  "一下",
  "讲讲",
  "说说",
  "谈谈",
  "介绍",
  "简述",
  "讲一下",
  "讲解",
  "解释",
  "理解",
  "怎么",
  "如何",
  "什么",
  "为何",
  "区别",
  "不同",
  "不一样",
  "异同",
  "比较",
  "而不是",
  "好几个",
  "一个",
  "几个",
  "说的",
  "里面",
  "关系",
  "流程",
  "原理",
  "作用",
  "优缺点",
  "优势",
  "优点",
  "缺点",
  "问题",
  "方法",
  "哪些",
  "哪个",
  "多少",
  "到底",
  "具体",
  "一般",
  "通常",
  "主要",
  "大概",
  "需要",
  "可以",
  "应该",
  "还是",
  "能否",
  "是否",
  "干嘛",
  "有啥",
  "能不能",
  "会不会",
  "有没有",
  "要不要",
  "起什么",
  "现在",
  "几乎",
  "东西",
  "一样",
  "老是",
  "分别",
  "时候",
  "意思",
  "大家",
];
/** Single characters that only join words in a question (的, 和, 是…); they split a run. */
const JOINERS = "的了吗呢吧啊和与跟及或是都把被让给在要还也就又很才从哪么啥该里";
/** English words that only shape a question. */
const ENGLISH_STOP = new Set(("a an the of to in on for and or is are be what why how which vs versus with between " + "difference differences does do can about explain than").split(" "));

const HAN = /\p{Script=Han}+/gu;
const LATIN = /[a-z0-9]+(?:[-.][a-z0-9]+)*/g;
const QUESTION = new RegExp(QUESTION_WORDS.join("|"), "g");
const JOINER = new RegExp(`[${JOINERS}]`, "g");

/** Case and width folded: full-width letters and digits become ASCII, letters lower case. */
export function fold(text) {
  return text.normalize("NFKC").toLowerCase();
}

/**
 * The Latin words of `text` (already folded). A word joined by `-` or `.` (top-p, gpt-3.5,
 * pre-norm) stays whole; with `parts` its pieces and their concatenation come too, so the text
 * "pre-norm" is found by "pre norm" and "prenorm" while the query "top-p" finds only "top-p".
 */
export function latinWords(text, parts = false) {
  const words = [];
  for (const [word] of text.matchAll(LATIN)) {
    words.push(word);
    if (parts && /[-.]/.test(word)) {
      const pieces = word.split(/[-.]/);
      words.push(...pieces, pieces.join(""));
    }
  }
  return words;
}

/** Chinese runs of a folded text. */
export function chineseRuns(text) {
  return [...text.matchAll(HAN)].map(([run]) => run);
}

/** The parts of Chinese `runs` left when question words and joiners are cut out. */
export function chineseSegments(runs) {
  const pieces = runs.flatMap((run) => run.replace(QUESTION, " ").replace(JOINER, " ").split(" "));
  return pieces.filter((p) => p.length >= 2);
}

/**
 * The query's terms: Latin words and Chinese segments without the question's own words. When
 * nothing else is left (a reader typed only 原理), those words are searched rather than nothing.
 */
export function parseQuery(query) {
  const text = fold(query);
  const latin = latinWords(text);
  const runs = chineseRuns(text);
  const terms = { latin: latin.filter((w) => !ENGLISH_STOP.has(w)), han: chineseSegments(runs) };
  return terms.latin.length || terms.han.length ? terms : { latin, han: runs };
}
