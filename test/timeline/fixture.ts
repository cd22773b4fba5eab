/**
 * A small invented archive about a harbor town, written for the timeline tests. Periods (ISO
 * weeks, since the archive spans 2020-01-06 to 2020-04-10, over 62 days):
 *   2020-W02: two articles on harbor dredging (Mon 6 and Wed 8 January)
 *   2020-W03: one, quoting Mara Quinn
 *   2020-W10: one whose "harbor" is only in its front-matter title
 * plus an undated one, one naming the harbor without dredging, and an unrelated one.
 */
export const TIMELINE_FIXTURE: Readonly<Record<string, string>> = {
  'dredge-begins.txt': `date 2020-01-06

Dredging starts in the old harbor

Crews began dredging the harbor channel on Monday so that larger ferries can dock by summer.

The work will close the north pier for three weeks.`,

  'dredge-cost.txt': `date 2020-01-08

The council heard on Wednesday that the harbor dredging will cost twice the first estimate, after crews found old cable on the channel floor.`,

  'dredge-quinn.txt': `date 2020-01-15

Harbor master Mara Quinn defended the dredging schedule at a packed meeting on Tuesday.

"We dig now or we lose the ferry contract," said Mara Quinn. "There is no third option."

Several fishermen asked for compensation while the north pier is closed.`,

  'harbor-festival.txt': `date 2020-02-20

The harbor festival returns in May with boat races and a fish market on the quay.`,

  'channel-done.txt': `---
date: 2020-03-02
title: Harbor channel reopens
---
The dredging of the channel ended a week early, and the north pier reopened to boats on Monday.`,

  'undated-dredge.txt': `Letters: the harbor dredging has left the beach covered in silt, and nobody will say who pays to clean it.`,

  'bakery.txt': `date 2020-04-10

A bakery on Mill Street won a regional prize for its rye bread.`,
};
