// Table-driven date suite, shared by test/unit/dates.test.ts and scripts/evalDates.ts.
// Every sentence is written for this table. Values are what a news reader would take the
// expression to mean, given the article's date (`reference`).
// Weekdays used below: 2026-01-17 Sat, 2026-01-16 Fri, 2026-01-15 Thu, 2026-01-19 Mon,
// 2026-01-21 Wed, 2026-01-03 Sat, 2025-03-12 Wed, 2025-03-14 Fri.
// Weeks, weekends, quarters, halves, seasons and decades are values of their own granularity
// (docs/EXPORT.md, "Date values"): 13 cases that used to pin them to a day, month or year now
// expect the period itself (issue 10, "False precision").
import type { DateContext } from '../../src/core/dateContext';
import { DateSource, Granularity } from '../../src/core/types';

export interface DateCase {
  /** A short sentence containing the expression. */
  text: string;
  /** The exact mention text expected. */
  expression: string;
  /** The article's date (YYYY-MM-DD), or undefined for an undated document. */
  reference: string | undefined;
  /** Expected value; undefined = the mention must exist without a value. */
  value: string | undefined;
  granularity?: Granularity;
}

/** Words that look like dates but are not: no mention may contain `notDate`. */
export interface NonDateCase {
  text: string;
  notDate: string;
  reference: string | undefined;
}

export const dateCases: DateCase[] = [
  // Weekdays: most recent on or before the article's date unless the sentence looks ahead.
  { text: 'The director traveled Thursday to the capital.', expression: 'Thursday', reference: '2026-01-17', value: '2026-01-15', granularity: 'day' },
  { text: 'The director traveled Thursday to the capital.', expression: 'Thursday', reference: '2026-01-16', value: '2026-01-15', granularity: 'day' },
  { text: 'Officials confirmed the visit on Thursday.', expression: 'Thursday', reference: '2026-01-15', value: '2026-01-15', granularity: 'day' },
  { text: 'The talks collapsed on Friday after a long night.', expression: 'Friday', reference: '2026-01-15', value: '2026-01-09', granularity: 'day' },
  { text: 'Protesters gathered on Sunday evening outside the palace.', expression: 'Sunday', reference: '2026-01-19', value: '2026-01-18', granularity: 'day' },
  { text: 'The minister resigned last Tuesday.', expression: 'last Tuesday', reference: '2026-01-17', value: '2026-01-13', granularity: 'day' },
  { text: 'The envoy will arrive on Monday.', expression: 'Monday', reference: '2026-01-17', value: '2026-01-19', granularity: 'day' },
  { text: 'A vote is scheduled for next Wednesday.', expression: 'next Wednesday', reference: '2026-01-17', value: '2026-01-21', granularity: 'day' },
  { text: "Thursday's meeting lasted about two hours.", expression: 'Thursday', reference: '2026-01-17', value: '2026-01-15', granularity: 'day' },
  { text: 'The ceasefire held through Wednesday night.', expression: 'Wednesday', reference: '2026-01-17', value: '2026-01-14', granularity: 'day' },
  { text: 'The port stayed shut since Monday, dockers said.', expression: 'Monday', reference: '2025-03-15', value: '2025-03-10', granularity: 'day' },
  { text: 'The union was invited to talks on Thursday.', expression: 'Thursday', reference: '2025-03-12', value: '2025-03-13', granularity: 'day' },
  { text: 'El ministro viajó el jueves a Caracas.', expression: 'el jueves', reference: '2026-01-17', value: '2026-01-15', granularity: 'day' },
  { text: 'Leaders met on Thursday, January 15, in the capital.', expression: 'Thursday, January 15', reference: '2026-01-17', value: '2026-01-15', granularity: 'day' },

  // Month and day without a year: the article's year, the previous one when far in the future.
  { text: "The country's January 3 operation captured the president.", expression: 'January 3', reference: '2026-01-27', value: '2026-01-03', granularity: 'day' },
  { text: 'The cable was sent on December 28.', expression: 'December 28', reference: '2026-01-03', value: '2025-12-28', granularity: 'day' },
  { text: 'Ballots must be returned by January 20.', expression: 'January 20', reference: '2026-01-17', value: '2026-01-20', granularity: 'day' },
  { text: 'Markets fell sharply on 9 January.', expression: '9 January', reference: '2026-01-17', value: '2026-01-09', granularity: 'day' },
  { text: 'The deal was signed on March 5.', expression: 'March 5', reference: '2026-01-17', value: '2025-03-05', granularity: 'day' },
  { text: 'The company will report results on February 10.', expression: 'February 10', reference: '2026-01-17', value: '2026-02-10', granularity: 'day' },
  { text: 'The strike began on March 10th.', expression: 'March 10th', reference: '2025-03-14', value: '2025-03-10', granularity: 'day' },
  { text: 'The archive opened on the 5th of March.', expression: 'the 5th of March', reference: '2025-03-12', value: '2025-03-05', granularity: 'day' },
  { text: 'The plan was approved on November 18 of last year.', expression: 'November 18 of last year', reference: '2026-01-21', value: '2025-11-18', granularity: 'day' },
  { text: 'He acknowledged the talks on November 16 last year.', expression: 'November 16 last year', reference: '2026-01-21', value: '2025-11-16', granularity: 'day' },
  { text: 'The holiday falls on July 4 this year.', expression: 'July 4 this year', reference: '2026-01-17', value: '2026-07-04', granularity: 'day' },
  { text: 'On January 15 the director visited the capital.', expression: 'January 15', reference: undefined, value: undefined },
  { text: 'The ferry sank on 2 February, survivors said.', expression: '2 February', reference: '2026-01-17', value: '2025-02-02', granularity: 'day' },

  // Explicit full dates.
  { text: 'The agency was created on Jan. 5, 2004, by decree.', expression: 'Jan. 5, 2004', reference: undefined, value: '2004-01-05', granularity: 'day' },
  { text: 'She was born on 14 May 1950 in a small town.', expression: '14 May 1950', reference: undefined, value: '1950-05-14', granularity: 'day' },
  { text: 'The raid happened on September 5, 2025, officials said.', expression: 'September 5, 2025', reference: '2026-01-21', value: '2025-09-05', granularity: 'day' },
  { text: 'The treaty took effect on 1 January 2026.', expression: '1 January 2026', reference: '2026-01-17', value: '2026-01-01', granularity: 'day' },

  // Day of the month alone.
  { text: 'The newspaper reported on the 20th that the team had left.', expression: 'the 20th', reference: '2026-01-21', value: '2026-01-20', granularity: 'day' },
  { text: 'At a press conference on the 21st, the president spoke.', expression: 'the 21st', reference: '2026-01-21', value: '2026-01-21', granularity: 'day' },
  { text: 'Officers raided the office on the 28th.', expression: 'the 28th', reference: '2026-01-10', value: '2025-12-28', granularity: 'day' },
  { text: 'Payments stopped on the 3rd of this month.', expression: 'the 3rd of this month', reference: '2026-01-17', value: '2026-01-03', granularity: 'day' },
  { text: 'The lease expired on the 30th of last month.', expression: 'the 30th of last month', reference: '2026-02-10', value: '2026-01-30', granularity: 'day' },
  { text: 'The new rules will take effect on the 1st.', expression: 'the 1st', reference: '2026-01-17', value: '2026-02-01', granularity: 'day' },
  { text: 'Prosecutors arrived on the 10th, the same morning.', expression: 'the 10th', reference: '2025-03-13', value: '2025-03-10', granularity: 'day' },

  // Relative to the article's date.
  { text: 'Prices rose sharply last year.', expression: 'last year', reference: '2026-01-21', value: '2025', granularity: 'year' },
  { text: 'Growth is expected to slow this year.', expression: 'this year', reference: '2026-01-21', value: '2026', granularity: 'year' },
  { text: 'Elections are due next year.', expression: 'next year', reference: '2026-01-21', value: '2027', granularity: 'year' },
  { text: 'Two meetings were held last week in the situation room.', expression: 'last week', reference: '2026-01-21', value: '2026-W03', granularity: 'week' },
  { text: 'The report will be published next week.', expression: 'next week', reference: '2026-01-21', value: '2026-W05', granularity: 'week' },
  { text: 'Negotiations were suspended last month.', expression: 'last month', reference: '2026-01-21', value: '2025-12', granularity: 'month' },
  { text: 'Unemployment fell last month.', expression: 'last month', reference: '2026-03-05', value: '2026-02', granularity: 'month' },
  { text: 'A secret team helped capture him earlier this month.', expression: 'earlier this month', reference: '2026-01-21', value: '2026-01', granularity: 'month' },
  { text: 'A ruling is expected later this month.', expression: 'later this month', reference: '2026-01-21', value: '2026-01', granularity: 'month' },
  { text: 'The minister will appear before the committee next month.', expression: 'next month', reference: '2025-03-13', value: '2025-04', granularity: 'month' },
  { text: 'Fighting resumed yesterday in the north.', expression: 'yesterday', reference: '2026-01-17', value: '2026-01-16', granularity: 'day' },
  { text: 'The court will rule tomorrow.', expression: 'tomorrow', reference: '2026-01-17', value: '2026-01-18', granularity: 'day' },
  { text: 'Today the ministry confirmed the figures.', expression: 'Today', reference: '2026-01-17', value: '2026-01-17', granularity: 'day' },
  { text: 'The treaty was signed two years ago.', expression: 'two years ago', reference: '2026-01-17', value: '2024', granularity: 'year' },
  { text: 'The company was fined three weeks ago.', expression: 'three weeks ago', reference: '2026-01-17', value: '2025-12-27', granularity: 'day' },
  { text: 'Sales jumped earlier this year.', expression: 'earlier this year', reference: '2025-06-10', value: '2025', granularity: 'year' },
  { text: 'The bill passed late last year.', expression: 'late last year', reference: '2026-01-17', value: '2025', granularity: 'year' },
  { text: 'The storm hit last weekend.', expression: 'last weekend', reference: '2026-01-19', value: '2026-W03-WE', granularity: 'weekend' },
  { text: 'The club was relegated last summer.', expression: 'last summer', reference: '2026-01-17', value: '2025-SU', granularity: 'season' },
  { text: 'I spoke with her by phone this week.', expression: 'this week', reference: '2025-03-15', value: '2025-W11', granularity: 'week' },

  // Bare months: the most recent one, or the next one when the sentence looks ahead.
  { text: 'In August, the agency deployed a small team.', expression: 'August', reference: '2026-01-27', value: '2025-08', granularity: 'month' },
  { text: 'Her inauguration in early January drew foreign envoys.', expression: 'early January', reference: '2026-01-15', value: '2026-01', granularity: 'month' },
  { text: 'Bookings for late March are slipping.', expression: 'late March', reference: '2025-03-15', value: '2025-03', granularity: 'month' },
  { text: 'The audit was published in February by an accountant.', expression: 'February', reference: '2025-03-10', value: '2025-02', granularity: 'month' },
  { text: 'The accord was signed in January.', expression: 'January', reference: '2026-01-17', value: '2026-01', granularity: 'month' },
  { text: 'The committee will meet in April.', expression: 'April', reference: '2026-01-21', value: '2026-04', granularity: 'month' },
  { text: 'The final payment is due in March.', expression: 'March', reference: '2026-01-17', value: '2026-03', granularity: 'month' },
  { text: 'He is pushing for a summit in April.', expression: 'April', reference: '2026-01-21', value: '2026-04', granularity: 'month' },
  { text: 'The vote takes place next April.', expression: 'next April', reference: '2026-01-17', value: '2026-04', granularity: 'month' },
  { text: 'Talks are planned for next April.', expression: 'next April', reference: '2026-05-01', value: '2027-04', granularity: 'month' },
  { text: 'The president approved the operation in November last year.', expression: 'November last year', reference: '2026-01-21', value: '2025-11', granularity: 'month' },
  { text: 'The firm collapsed last November.', expression: 'last November', reference: '2026-01-17', value: '2025-11', granularity: 'month' },
  { text: 'The company was founded in May.', expression: 'May', reference: '2026-01-17', value: '2025-05', granularity: 'month' },
  { text: 'The product will launch in mid-June.', expression: 'mid-June', reference: '2026-01-17', value: '2026-06', granularity: 'month' },
  { text: 'Sales for the three months to December rose 4%.', expression: 'December', reference: '2026-01-20', value: '2025-12', granularity: 'month' },
  { text: "January's figures were weaker than expected.", expression: 'January', reference: '2026-02-10', value: '2026-01', granularity: 'month' },
  { text: 'Rainfall was low in June and July.', expression: 'July', reference: '2025-09-01', value: '2025-07', granularity: 'month' },
  { text: 'The airline filed for bankruptcy in December 2004.', expression: 'December 2004', reference: undefined, value: '2004-12', granularity: 'month' },
  { text: 'The raid took place in January 2019, during secret talks.', expression: 'January 2019', reference: '2026-01-21', value: '2019-01', granularity: 'month' },
  { text: 'The deal closed in August 2025 after months of talks.', expression: 'August 2025', reference: '2026-01-17', value: '2025-08', granularity: 'month' },
  { text: 'The troops left in August.', expression: 'August', reference: undefined, value: undefined },

  // Ranges.
  { text: 'The exhibition ran from March to May 2025.', expression: 'March', reference: undefined, value: '2025-03', granularity: 'month' },
  { text: 'The exhibition ran from March to May 2025.', expression: 'May 2025', reference: undefined, value: '2025-05', granularity: 'month' },
  { text: 'Output fell between 2019 and 2021.', expression: '2019', reference: undefined, value: '2019', granularity: 'year' },
  { text: 'Output fell between 2019 and 2021.', expression: '2021', reference: undefined, value: '2021', granularity: 'year' },
  { text: 'Inflation averaged 3% in 2019–2021.', expression: '2019', reference: undefined, value: '2019', granularity: 'year' },
  { text: 'Inflation averaged 3% in 2019–2021.', expression: '2021', reference: undefined, value: '2021', granularity: 'year' },
  { text: 'Tickets for the 2004-05 season sold out.', expression: '05', reference: undefined, value: '2005', granularity: 'year' },
  { text: 'Prices rose in 2003 and 2004.', expression: '2004', reference: undefined, value: '2004', granularity: 'year' },

  // Decades and quarters.
  { text: 'The policy dates back to the 1990s.', expression: 'the 1990s', reference: undefined, value: '199X', granularity: 'decade' },
  { text: 'Trade boomed in the early 2000s.', expression: 'the early 2000s', reference: undefined, value: '200X', granularity: 'decade' },
  { text: "He grew up in the '60s in Ohio.", expression: "the '60s", reference: undefined, value: '196X', granularity: 'decade' },
  { text: 'Profits rose 10% in the third quarter of 2004.', expression: 'the third quarter of 2004', reference: undefined, value: '2004-Q3', granularity: 'quarter' },
  { text: 'Demand weakened in the fourth quarter, the bank said.', expression: 'the fourth quarter', reference: '2005-02-10', value: '2004-Q4', granularity: 'quarter' },
  { text: 'Growth slowed in the first half of 2005.', expression: 'the first half of 2005', reference: undefined, value: '2005-H1', granularity: 'half' },
  { text: 'Revenue in Q3 2004 beat forecasts.', expression: 'Q3 2004', reference: undefined, value: '2004-Q3', granularity: 'quarter' },

  // Bare years, only where the context makes them years.
  { text: 'It was the largest since the blockade of 1962.', expression: '1962', reference: '2026-01-21', value: '1962', granularity: 'year' },
  { text: 'The port has awarded contracts since 2019.', expression: '2019', reference: '2025-03-10', value: '2019', granularity: 'year' },
  { text: "1962's crisis still shapes policy.", expression: '1962', reference: undefined, value: '1962', granularity: 'year' },
  { text: 'In 2004 the company doubled its profits.', expression: '2004', reference: undefined, value: '2004', granularity: 'year' },
  { text: 'The 2001 election changed the party.', expression: '2001', reference: undefined, value: '2001', granularity: 'year' },
  { text: 'Casablanca (1942) remains a favourite.', expression: '1942', reference: undefined, value: '1942', granularity: 'year' },

  // Numeric formats.
  { text: 'The order was dated 2026-01-21 in the filing.', expression: '2026-01-21', reference: undefined, value: '2026-01-21', granularity: 'day' },
  { text: 'The form was stamped 21/01/2026 at the border.', expression: '21/01/2026', reference: undefined, value: '2026-01-21', granularity: 'day' },
  { text: 'The invoice is dated 1/21/2026.', expression: '1/21/2026', reference: undefined, value: '2026-01-21', granularity: 'day' },
  { text: 'Deadline: 03/04/2025 at noon.', expression: '03/04/2025', reference: undefined, value: '2025-03-04', granularity: 'day' },
  { text: 'Der Vertrag wurde am 21.01.2026 unterzeichnet.', expression: '21.01.2026', reference: undefined, value: '2026-01-21', granularity: 'day' },

  // Spanish and East-Asian forms.
  { text: 'Publicado por Ana Ruiz 16 de enero, 2026', expression: '16 de enero, 2026', reference: undefined, value: '2026-01-16', granularity: 'day' },
  { text: 'El acuerdo se firmó el 3 de febrero de 2025.', expression: '3 de febrero de 2025', reference: undefined, value: '2025-02-03', granularity: 'day' },
  { text: 'La reunión fue en enero de 2024.', expression: 'enero de 2024', reference: undefined, value: '2024-01', granularity: 'month' },
  { text: 'Kim Min-jun 2026. 1. 21. 14:05', expression: '2026. 1. 21.', reference: undefined, value: '2026-01-21', granularity: 'day' },
  { text: '서울 2026년 1월 21일 보도', expression: '2026년 1월 21일', reference: undefined, value: '2026-01-21', granularity: 'day' },

  // Future-tense cues.
  { text: 'The leaders plan to meet in March.', expression: 'March', reference: '2026-01-17', value: '2026-03', granularity: 'month' },
  { text: 'Construction is scheduled to finish in October.', expression: 'October', reference: '2026-01-17', value: '2026-10', granularity: 'month' },
  { text: "He'll travel to Seoul in February.", expression: 'February', reference: '2026-01-17', value: '2026-02', granularity: 'month' },
  { text: 'She will testify in April before the committee.', expression: 'April', reference: '2025-03-14', value: '2025-04', granularity: 'month' },

  // Mixed forms seen in wire copy.
  { text: 'The company reported results on Tuesday, Jan. 13.', expression: 'Tuesday, Jan. 13', reference: '2026-01-17', value: '2026-01-13', granularity: 'day' },
  { text: 'The ministry said on Monday 12 January that it would appeal.', expression: 'Monday 12 January', reference: '2026-01-17', value: '2026-01-12', granularity: 'day' },
  { text: 'He was arrested on Jan 9 at the airport.', expression: 'Jan 9', reference: '2026-01-17', value: '2026-01-09', granularity: 'day' },
  { text: 'The firm was founded on 3rd March 2001.', expression: '3rd March 2001', reference: undefined, value: '2001-03-03', granularity: 'day' },
  { text: 'The bill was introduced on March 3 and passed on March 5.', expression: 'March 5', reference: '2025-03-14', value: '2025-03-05', granularity: 'day' },
  { text: 'The next meeting is on January 30.', expression: 'January 30', reference: '2026-01-17', value: '2026-01-30', granularity: 'day' },
  { text: 'The designation took effect as of November 24 last year.', expression: 'November 24 last year', reference: '2026-01-21', value: '2025-11-24', granularity: 'day' },
  { text: 'Voting ends on Sunday.', expression: 'Sunday', reference: '2026-01-15', value: '2026-01-18', granularity: 'day' },
  { text: 'The exhibition opens in March.', expression: 'March', reference: '2026-01-17', value: '2026-03', granularity: 'month' },
  { text: 'Sales in December rose by 2%.', expression: 'December', reference: '2026-03-02', value: '2025-12', granularity: 'month' },
  { text: "This year's budget was cut.", expression: 'This year', reference: '2026-01-17', value: '2026', granularity: 'year' },
  { text: 'A year ago, the bank cut rates.', expression: 'A year ago', reference: '2026-01-17', value: '2025', granularity: 'year' },
  { text: 'The war ended in the spring of 1945.', expression: '1945', reference: undefined, value: '1945', granularity: 'year' },
  { text: 'The law takes effect in mid-2004.', expression: '2004', reference: undefined, value: '2004', granularity: 'year' },
  { text: 'Jobs were cut between 1997 and 2002.', expression: '2002', reference: undefined, value: '2002', granularity: 'year' },
  { text: 'Trade grew in the late 1990s.', expression: 'the late 1990s', reference: undefined, value: '199X', granularity: 'decade' },
  { text: 'The building was empty from 2001 to 2003.', expression: '2003', reference: undefined, value: '2003', granularity: 'year' },

  // Anchored offsets and unresolvable expressions.
  { text: 'Three days after January 3, troops withdrew.', expression: 'Three days after January 3', reference: '2026-01-20', value: '2026-01-06', granularity: 'day' },
  { text: 'Ten days before the attack, agents scouted the dock.', expression: 'Ten days before the attack', reference: '2026-01-21', value: undefined },
  { text: 'Two years later the plant closed.', expression: 'Two years later', reference: '2026-01-21', value: undefined },
  { text: 'Officials met on Thursday.', expression: 'Thursday', reference: undefined, value: undefined },
  { text: 'Prices rose last month.', expression: 'last month', reference: undefined, value: undefined },
  { text: 'A few days ago the talks resumed.', expression: 'A few days ago', reference: '2026-01-17', value: undefined },

  // Direction in time: the nearest occurrence unless tense or cue words point one way.
  // 2025-10-30 Thu, 2026-01-21 Wed, 2025-03-14 Fri, 2025-06-03 Tue.
  { text: 'Officials stay in the city until March 6, a spokesman said.', expression: 'March 6', reference: '2026-01-15', value: '2026-03-06', granularity: 'day' },
  { text: 'The inspectors remained in the port until March 6.', expression: 'March 6', reference: '2026-04-10', value: '2026-03-06', granularity: 'day' },
  { text: 'The vote was postponed until December 3.', expression: 'December 3', reference: '2025-10-30', value: '2025-12-03', granularity: 'day' },
  { text: 'The summit on Nov. 20 will draw leaders from the region.', expression: 'Nov. 20', reference: '2025-10-30', value: '2025-11-20', granularity: 'day' },
  { text: 'Ballots are counted on Dec. 15 in every district.', expression: 'Dec. 15', reference: '2025-10-30', value: '2025-12-15', granularity: 'day' },
  { text: 'Trading resumes Jan. 2 after the holiday.', expression: 'Jan. 2', reference: '2025-10-30', value: '2026-01-02', granularity: 'day' },
  { text: 'Talks in mid-November could settle the dispute.', expression: 'mid-November', reference: '2025-10-30', value: '2025-11', granularity: 'month' },
  { text: 'Festival tickets for February are selling fast.', expression: 'February', reference: '2025-10-30', value: '2026-02', granularity: 'month' },
  { text: 'Harvest figures were poor in August.', expression: 'August', reference: '2025-03-01', value: '2024-08', granularity: 'month' },
  { text: 'The team planned to leave the capital on Thursday.', expression: 'Thursday', reference: '2026-01-21', value: '2026-01-22', granularity: 'day' },
  { text: 'The meeting on Friday has drawn attention.', expression: 'Friday', reference: '2026-01-21', value: '2026-01-23', granularity: 'day' },
  { text: 'Prices have risen since Monday.', expression: 'Monday', reference: '2026-01-21', value: '2026-01-19', granularity: 'day' },
  { text: 'Forms must be filed by Friday.', expression: 'Friday', reference: '2026-01-21', value: '2026-01-23', granularity: 'day' },
  { text: 'Harvest figures for February looked weak.', expression: 'February', reference: '2025-10-30', value: '2025-02', granularity: 'month' },
  { text: 'On Sunday, the interim leader said she would stay.', expression: 'Sunday', reference: '2026-01-15', value: '2026-01-11', granularity: 'day' },
  { text: 'The summit on Nov. 3 will test the truce.', expression: 'Nov. 3', reference: '2025-11-20', value: '2026-11-03', granularity: 'day' },
  { text: 'Shares in the brewer rose by 2.3% on Thursday.', expression: 'Thursday', reference: '2005-03-15', value: '2005-03-10', granularity: 'day' },
  { text: 'The chancellor will deliver his budget to parliament on 16 March, the Treasury has announced.', expression: '16 March', reference: '2005-03-01', value: '2005-03-16', granularity: 'day' },
  { text: 'In a speech on Sunday, the mayor said she would stay.', expression: 'Sunday', reference: '2026-01-15', value: '2026-01-11', granularity: 'day' },
  { text: 'On Thursday, the senior judge Lord Avery said the rules were unfair.', expression: 'Thursday', reference: '2005-03-15', value: '2005-03-10', granularity: 'day' },
  { text: 'The new president was sworn in at a ceremony in the capital on Thursday.', expression: 'Thursday', reference: '2005-03-15', value: '2005-03-10', granularity: 'day' },
  { text: 'The home side hosts the league leaders on Friday.', expression: 'Friday', reference: '2005-03-15', value: '2005-03-18', granularity: 'day' },
  { text: 'The film festival runs until Sunday.', expression: 'Sunday', reference: '2005-03-15', value: '2005-03-20', granularity: 'day' },
  { text: 'The ferry was already full on December 20.', expression: 'December 20', reference: '2025-10-30', value: '2024-12-20', granularity: 'day' },

  // Anaphora: against the day the text is talking about, not the article's date.
  { text: 'The strike began on March 14. The previous Friday, talks had failed.', expression: 'The previous Friday', reference: '2025-03-20', value: '2025-03-07', granularity: 'day' },
  { text: 'The strike began on March 14. The following Monday, the port closed.', expression: 'The following Monday', reference: '2025-03-20', value: '2025-03-17', granularity: 'day' },
  { text: 'Police arrived on June 3. Earlier that day, a fire broke out.', expression: 'Earlier that day', reference: '2025-06-10', value: '2025-06-03', granularity: 'day' },
  { text: 'The ship docked on June 3. The day before, crews had cleaned it.', expression: 'The day before', reference: '2025-06-10', value: '2025-06-02', granularity: 'day' },
  { text: 'The ship docked on June 3. The next day it sailed.', expression: 'The next day', reference: '2025-06-10', value: '2025-06-04', granularity: 'day' },
  { text: 'The ship docked on June 3. Two days later it sailed.', expression: 'Two days later', reference: '2025-06-10', value: '2025-06-05', granularity: 'day' },
  { text: 'The plant opened in 2004. Two years later it closed.', expression: 'Two years later', reference: '2025-06-10', value: '2006', granularity: 'year' },
  { text: 'He remembers that day well.', expression: 'that day', reference: '2025-06-10', value: undefined },
  { text: 'Profits fell from a year earlier.', expression: 'a year earlier', reference: '2025-06-10', value: '2024', granularity: 'year' },
  { text: 'Sales beat the year-earlier figure.', expression: 'year-earlier', reference: '2025-06-10', value: '2024', granularity: 'year' },

  // Granularities beyond day, month and year (TIMEX3-style values; 2026-01-21 is in ISO week 4).
  { text: 'Shares rose earlier this week.', expression: 'earlier this week', reference: '2026-01-21', value: '2026-W04', granularity: 'week' },
  { text: 'The minister resigned late last week.', expression: 'late last week', reference: '2026-01-21', value: '2026-W03', granularity: 'week' },
  { text: 'Week 1 of 2026 began on 2025-12-29, so this week was week one.', expression: 'this week', reference: '2025-12-31', value: '2026-W01', granularity: 'week' },
  { text: 'Police made arrests over the weekend.', expression: 'the weekend', reference: '2026-01-21', value: '2026-W03-WE', granularity: 'weekend' },
  { text: 'Police will patrol over the weekend.', expression: 'the weekend', reference: '2026-01-21', value: '2026-W04-WE', granularity: 'weekend' },
  { text: 'Profits climbed in the third quarter.', expression: 'the third quarter', reference: '2025-11-05', value: '2025-Q3', granularity: 'quarter' },
  { text: 'Jazz flourished in the 1960s.', expression: 'the 1960s', reference: '2025-11-05', value: '196X', granularity: 'decade' },
  { text: 'The mill closed four decades ago.', expression: 'four decades ago', reference: '2025-11-05', value: '198X', granularity: 'decade' },
  { text: 'The club was relegated last fall.', expression: 'last fall', reference: '2026-01-17', value: '2025-FA', granularity: 'season' },
  { text: 'The harvest of this spring was poor.', expression: 'this spring', reference: '2025-06-10', value: '2025-SP', granularity: 'season' },
  { text: 'Snow fell last winter.', expression: 'last winter', reference: '2026-01-20', value: '2024-WI', granularity: 'season' },
  { text: 'Snow will fall this winter.', expression: 'this winter', reference: '2025-10-20', value: '2025-WI', granularity: 'season' },
  { text: 'Sales should recover by the end of the year.', expression: 'the end of the year', reference: '2025-06-10', value: '2025-12', granularity: 'month' },
  { text: 'Debt rose at the end of last year.', expression: 'the end of last year', reference: '2025-06-10', value: '2024-12', granularity: 'month' },
  { text: 'Bonuses are paid at year-end.', expression: 'year-end', reference: '2025-06-10', value: '2025-12', granularity: 'month' },
  { text: 'He arrived in nineteen ninety-one.', expression: 'nineteen ninety-one', reference: '2025-06-10', value: '1991', granularity: 'year' },
  { text: 'Buildings from post-1959 Havana survive.', expression: 'post-1959', reference: '2025-06-10', value: '1959', granularity: 'year' },
  { text: 'The schedule for 2026-W03 is set.', expression: '2026-W03', reference: undefined, value: '2026-W03', granularity: 'week' },

  // Holidays: the day they fall on, in the year a reader would take (Easter and Thanksgiving computed).
  { text: 'Retailers reported strong sales over Christmas.', expression: 'Christmas', reference: '2005-01-10', value: '2004-12-25', granularity: 'day' },
  { text: 'The ferry will not run on Christmas Day.', expression: 'Christmas Day', reference: '2025-12-01', value: '2025-12-25', granularity: 'day' },
  { text: 'Shops close early on Christmas Eve.', expression: 'Christmas Eve', reference: '2025-12-20', value: '2025-12-24', granularity: 'day' },
  { text: 'Talks will resume after Easter.', expression: 'Easter', reference: '2025-03-12', value: '2025-04-20', granularity: 'day' },
  { text: 'Good Friday services were held.', expression: 'Good Friday', reference: '2026-01-17', value: '2025-04-18', granularity: 'day' },
  { text: 'He was arrested on Good Friday.', expression: 'Good Friday', reference: '2025-04-25', value: '2025-04-18', granularity: 'day' },
  { text: 'The strike began on Easter Monday.', expression: 'Easter Monday', reference: '2026-04-10', value: '2026-04-06', granularity: 'day' },
  { text: 'The parade was cancelled last Christmas.', expression: 'last Christmas', reference: '2025-06-10', value: '2024-12-25', granularity: 'day' },
  { text: 'Crowds gathered on New Year’s Eve 2019.', expression: 'New Year’s Eve 2019', reference: '2020-05-01', value: '2019-12-31', granularity: 'day' },
  { text: 'Flights were full over Thanksgiving weekend.', expression: 'Thanksgiving', reference: '2024-12-02', value: '2024-11-28', granularity: 'day' },
  { text: 'The pool opens on Memorial Day.', expression: 'Memorial Day', reference: '2025-05-01', value: '2025-05-26', granularity: 'day' },
  { text: 'The market reopened after Christmas.', expression: 'Christmas', reference: undefined, value: undefined },
];

export const nonDateCases: NonDateCase[] = [
  { text: 'You may leave the room now.', notDate: 'may', reference: '2026-01-17' },
  { text: 'May I ask one more question?', notDate: 'May', reference: '2026-01-17' },
  { text: 'Theresa May said the plan was sound.', notDate: 'May', reference: '2026-01-17' },
  { text: 'The march began at noon.', notDate: 'march', reference: '2026-01-17' },
  { text: 'Sun Microsystems shipped the server.', notDate: 'Sun', reference: '2026-01-17' },
  { text: 'August Wilson wrote the play.', notDate: 'August', reference: '2026-01-17' },
  { text: 'The Sunday Times reported the claim.', notDate: 'Sunday', reference: '2026-01-17' },
  { text: 'The won may fall to around 1,400 in a month or two.', notDate: '400', reference: '2026-01-21' },
  { text: 'The army sent 2000 troops to the border.', notDate: '2000', reference: '2026-01-17' },
  { text: 'He paid $2000 for the car.', notDate: '2000', reference: '2026-01-17' },
  { text: 'Kick-off is at 1945 GMT.', notDate: '1945', reference: '2026-01-17' },
  { text: 'The office still runs Windows 2000 machines.', notDate: '2000', reference: '2026-01-17' },
  { text: 'The 20th floor was evacuated.', notDate: '20th', reference: '2026-01-17' },
  { text: 'He lectured on the 21st Century economy.', notDate: '21st', reference: '2026-01-17' },
  { text: "At the New Year's press conference, he spoke.", notDate: 'New Year', reference: '2026-01-21' },
  { text: 'He scored twice in the fourth quarter of the game.', notDate: 'quarter', reference: '2026-01-17' },
  { text: 'The briefing started at 14:05 on January 5.', notDate: '14:05', reference: '2026-01-17' },
  { text: 'They stayed for three years in exile.', notDate: 'three years', reference: '2026-01-17' },
  { text: 'Over the last year prices doubled.', notDate: 'last year', reference: '2026-01-17' },
  { text: 'He was interviewed on the Today programme.', notDate: 'Today', reference: '2026-01-17' },
  { text: 'Both men are in their 80s now.', notDate: '80s', reference: '2026-01-17' },
  { text: 'Security tightened after the 9/11 attacks.', notDate: '9/11', reference: '2026-01-17' },
  { text: 'Brian May played the guitar solo.', notDate: 'May', reference: '2026-01-17' },
  { text: 'The team won 2-1 on aggregate in 2004 and 2005 events.', notDate: '2-1', reference: undefined },
  { text: 'She bought Christmas presents for the children.', notDate: 'Christmas', reference: '2025-12-01' },
  { text: 'The film was shot on Christmas Island.', notDate: 'Christmas', reference: '2025-12-01' },
  { text: 'Children hunted for Easter eggs in the park.', notDate: 'Easter', reference: '2025-04-30' },
  { text: 'A Christmas tree stood in the square.', notDate: 'Christmas', reference: '2025-12-01' },
  { text: 'Ministers attended Holocaust Memorial Day events.', notDate: 'Memorial Day', reference: '2025-01-28' },
  { text: "The band's Last Christmas topped the chart again.", notDate: 'Christmas', reference: '2025-12-20' },
  { text: 'The talks failed the day before the vote.', notDate: 'the day before', reference: '2025-06-10' },
  { text: 'Nineteen people were hurt in the crash.', notDate: 'Nineteen', reference: '2025-06-10' },
  { text: 'She counted two thousand and four sheep.', notDate: 'two thousand', reference: '2025-06-10' },
  { text: 'He directed Halloween II for the studio.', notDate: 'Halloween', reference: '2025-10-01' },
];

/** A document's publication date from its text, its path and its folder (DateContext). */
export interface PublicationDateCase {
  path: string;
  text: string;
  context?: DateContext;
  /** Expected `YYYY-MM-DD`, or undefined: no publication date at all. */
  value: string | undefined;
  source: DateSource;
}

const BODY = 'The council met to discuss the new harbour budget.\n';

export const publicationDateCases: PublicationDateCase[] = [
  // Explicit headers and front matter come first.
  { path: 'notes/a.md', text: `---\ntitle: Harbour budget\ndate: 2024-05-01\n---\n${BODY}`, value: '2024-05-01', source: 'header' },
  { path: 'notes/b.md', text: `---\ndate: "2023-11-30T08:15:00Z"\n---\n${BODY}`, value: '2023-11-30', source: 'header' },
  { path: '20240501_x.txt', text: `date 2024-04-30\n${BODY}`, value: '2024-04-30', source: 'header' },
  // The sidecar table beats what the text and the name say, but not a header.
  { path: 'APW19980807.0261.txt', text: `By Ana Ruiz | March 12, 2025\n${BODY}`, context: { sidecar: '2025-03-11' }, value: '2025-03-11', source: 'sidecar' },
  // Bylines and datelines.
  { path: 'wire/story.txt', text: `Harbour budget\nPublished: Jan. 5, 2024 10:32 a.m. ET\n${BODY}`, value: '2024-01-05', source: 'byline' },
  { path: 'wire/story.txt', text: `Harbour budget\nUpdated 5 January 2024\n${BODY}`, value: '2024-01-05', source: 'byline' },
  { path: 'wire/story.txt', text: `Presupuesto del puerto\nPublicado el 7 de marzo de 2024\n${BODY}`, value: '2024-03-07', source: 'byline' },
  { path: 'NYT19980105.0112', text: `LONDON, Jan 5 (Reuters) - ${BODY}`, value: '1998-01-05', source: 'dateline' },
  { path: 'APW19980101.0007.txt', text: `NEW YORK, Dec. 31 (AP) — ${BODY}`, value: '1997-12-31', source: 'dateline' },
  { path: 'wire/b.txt', text: `PARIS, 4 March (AFP) - ${BODY}`, context: { default: '2005-03-01' }, value: '2005-03-04', source: 'dateline' },
  // A month-day dateline without any year to attach: the name, and otherwise nothing.
  { path: 'wire/c.txt', text: `LONDON, Jan 5 (Reuters) - ${BODY}`, value: undefined, source: 'none' },
  // File and folder names.
  { path: 'reports/2024-05-01-report.txt', text: BODY, value: '2024-05-01', source: 'fileName' },
  { path: '20240501_x.txt', text: BODY, value: '2024-05-01', source: 'fileName' },
  { path: 'APW19980807.0261.txt', text: `WASHINGTON (AP) — ${BODY}`, value: '1998-08-07', source: 'fileName' },
  { path: 'NYT19980807.0261', text: BODY, value: '1998-08-07', source: 'fileName' },
  { path: 'tdt/ea980120.txt', text: BODY, value: '1998-01-20', source: 'fileName' },
  { path: 'archive/2024/05/01/harbour.txt', text: BODY, value: '2024-05-01', source: 'folderName' },
  { path: 'archive/2024-05-01/harbour.txt', text: BODY, value: '2024-05-01', source: 'folderName' },
  { path: 'scans/day_07-03-2021.txt', text: BODY, context: { namePattern: '(?<day>\\d{2})-(?<month>\\d{2})-(?<year>\\d{4})' }, value: '2021-03-07', source: 'fileName' },
  // Numbers in names that are not dates.
  { path: 'bbc/business/001.txt', text: BODY, value: undefined, source: 'none' },
  { path: 'data/12345678.txt', text: BODY, value: undefined, source: 'none' },
  { path: 'data/20241399.txt', text: BODY, value: undefined, source: 'none' },
  { path: 'data/report-2024.txt', text: BODY, value: undefined, source: 'none' },
  { path: 'data/file-2024-05.txt', text: BODY, value: undefined, source: 'none' },
  { path: 'data/call_201412345678.txt', text: BODY, value: undefined, source: 'none' },
  { path: 'data/img123456.txt', text: BODY, value: undefined, source: 'none' },
  { path: 'data/ab991332.txt', text: BODY, value: undefined, source: 'none' },
  { path: 'data/18000101.txt', text: BODY, value: undefined, source: 'none' },
  { path: 'v2024.05.01/notes-1.2.3.txt', text: BODY, value: '2024-05-01', source: 'folderName' },
  // The folder default comes last, after a date inferred from the text.
  { path: 'bbc/tech/042.txt', text: BODY, context: { default: '2005-01-01' }, value: '2005-01-01', source: 'default' },
  { path: 'bbc/tech/043.txt', text: `The firm said on 3 March 2005 that profits rose.\n`, context: { default: '2005-01-01' }, value: '2005-03-03', source: 'inferred' },
  { path: 'bbc/tech/044.txt', text: BODY, context: { default: '1850-01-01' }, value: undefined, source: 'none' },
  // The modification time only when the user opted in (the host then gives it), before the default.
  { path: 'notes/plain.txt', text: BODY, context: { modified: '2024-02-03', default: '2005-01-01' }, value: '2024-02-03', source: 'modified' },
  { path: 'notes/2023-07-01-plain.txt', text: BODY, context: { modified: '2024-02-03' }, value: '2023-07-01', source: 'fileName' },
  // Implausible header years are not publication dates.
  { path: 'old.txt', text: `date 1066-10-14\n${BODY}`, value: undefined, source: 'none' },
];
