import { parseArticle } from '../../src/archive/parse.js';
import type { Article } from '../../src/archive/types.js';

/** Parses archive-format text with the real parser, as the loader would. */
export const article = (id: string, raw: string): Article => parseArticle(id, raw).article;

export const COUNCIL = article(
  '2021/council-budget',
  `date 2021-03-04
Council approves budget with cuts to libraries

SPRINGFIELD, March 4 (AP) -

The Springfield city council on Wednesday approved a $412 million budget that closes three branch libraries and raises parking fees to cover a deficit left by the pandemic.

Mayor Dana Ortiz said the cuts were painful but unavoidable. "We cannot spend money we do not have, and every department has given something up," Ortiz said after the 7-2 vote.

The three libraries, in the Eastgate, Riverside and Hollow Creek neighborhoods, will close on July 1. Their books and staff will move to the central library downtown.

Is this the end of neighborhood libraries? Residents packed the council chamber to protest the library closures before the vote.

"Closing the Riverside branch takes away the only quiet place my kids have to study," said Maria Chen, a parent who spoke during public comment. "It is shameful."

Councilman Robert Hale, who voted against the budget, said the council had not looked hard enough at other savings. He proposed delaying the closures by a year.

Parking fees downtown will rise from $1.50 to $2.25 an hour under the budget, which the council approved on Wednesday.

Photo: Residents hold signs outside City Hall on Wednesday.

By Jane Doe`,
);

export const QUAKE = article(
  'quake',
  `---
title: Strong earthquake shakes coastal towns
date: 2022-08-15
url: https://example.org/news/quake
---
A magnitude 6.4 earthquake struck off the northern coast early on Monday, damaging hundreds of homes in three fishing towns and cutting power to about 40,000 people.

The quake hit at 4:12 a.m. at a depth of 10 km, about 30 km west of the port of Dunmore, the national seismology institute said. It was followed by more than 20 aftershocks.

Dr. Helen Park, the institute's director, said the earthquake was the strongest in the region since 1987. "We expect aftershocks for several weeks, some of them strong enough to bring down damaged buildings," Park said.

Rescue teams searched collapsed houses in Dunmore and nearby Kells through the morning. Two people were taken to hospital with minor injuries, and no deaths were reported.

The power company said it had restored electricity to half of the affected homes by noon and expected to reconnect the rest by Tuesday.

The earthquake damaged hundreds of homes in the three fishing towns and cut power to about 40,000 people, officials said on Monday.

Schools in the three towns will stay closed on Tuesday while engineers inspect the buildings.`,
);
