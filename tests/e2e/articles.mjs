// Generated test articles: news-like prose with quotes of several kinds.

const PEOPLE = [
  ["Jane Doe", "she"], ["John Smith", "he"], ["Maria Garcia", "she"], ["Wei Chen", "he"],
  ["Amara Okafor", "she"], ["Lars Nilsson", "he"], ["Priya Raman", "she"], ["Tomasz Nowak", "he"],
];
const CLAIMS = [
  "the budget will be balanced by next spring", "nobody in the department will lose their job",
  "the numbers simply do not add up", "the council has ignored the residents for years",
  "we expect the new bridge to open on time", "this is a disaster for the whole region",
];

/** A news-like article of about `words` words with quotes of several kinds. */
export function article(words) {
  const paras = [];
  let n = 0;
  let i = 0;
  while (n < words) {
    const [name, pron] = PEOPLE[i % PEOPLE.length];
    const claim = CLAIMS[i % CLAIMS.length];
    const surname = name.split(" ")[1];
    const p =
      i % 3 === 0
        ? `"${claim[0].toUpperCase()}${claim.slice(1)}," said ${name}, who spoke at the hearing on Tuesday. "We have checked every figure twice," ${pron} added.`
        : i % 3 === 1
          ? `${surname} told reporters that ${claim}. According to ${name}, the plan was "a matter of basic fairness" for everyone involved.`
          : `The meeting ran late into the evening as members argued over paragraph ${i}. "I disagree," ${surname} said. Officials warned that ${claim}.`;
    paras.push(p);
    n += p.split(/\s+/).length;
    i++;
  }
  return paras.join("\n\n");
}

