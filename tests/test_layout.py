"""Line roles and page furniture (layout.py): hand-written lines, no model."""

import pytest

from claimx.layout import furniture, line_roles, role_at


def pieces(line: str) -> list[str]:
    return [line[s:e].strip() for s, e in furniture(line)]


@pytest.mark.parametrize(("line", "expected"), [
    # date lines glued to a headline or to the first sentence
    ("Tue 09 May 2017 Rebels say 14 killed in shelling of market town",
     ["Tue 09 May 2017"]),
    ("Thursday 14 September 2017 52 Civilians Killed in Air Raids on Villages",
     ["Thursday 14 September 2017"]),
    ("Published March 3 2016 Government troops retook the hill on Sunday.",
     ["Published March 3 2016"]),
    ("Last updated at Jan 092016 A convoy was hit near the border.", ["Last updated at Jan 092016"]),
    ("Sat 11 Mar 2017 at 1642 Two bombs hit the old city", ["Sat 11 Mar 2017 at 1642"]),
    ("Gulf News 1310 03.02.2017(updated 1322 03.02.2017) Get short URL 0 21 Jets struck the depot",
     ["1310 03.02.2017(updated 1322 03.02.2017) Get short URL 0 21"]),
    ("Date of publication 4 May 2016 Shelling hit the market.", ["Date of publication 4 May 2016"]),
    ("Middle East Syria Politics 09-03-2015 0415 PM Rebels shelled the town", ["09-03-2015 0415 PM"]),
    ("14-11-2016 Army Kills 30 Gunmen in Hama Countryside.", ["14-11-2016"]),
    ("October 3 2014 1620 UTC+3 A total of 40 people died", ["October 3 2014 1620 UTC+3"]),
    ("the end of the report. Last Update: Monday 2 January 2017 KSA 09:15 - GMT 06:15 212",
     ["Last Update: Monday 2 January 2017 KSA 09:15 - GMT 06:15"]),
    ("twelve dead in raid on Hama city 9 April 2016 Hama NEWS-Gunmen attacked a checkpoint",
     ["9 April 2016"]),
    # share bars, counters and interface words
    ("Blast kills nine in port city agency AFP Print Tweet Views 318 A blast killed nine people",
     ["Print Tweet Views 318"]),
    ("Get short URL 5120 Warplanes struck the town", ["Get short URL 5120"]),
    ("Get short URL 0 31 14 soldiers were killed", ["Get short URL 0 31"]),
    ("Follow us on Twitter Like Follow Follow Copyright 2019 Some Broadcaster.",
     ["Twitter Like Follow Follow Copyright 2019"]),
    ("Tags Homs shelling Community standardsDiscussion Comment via FacebookComment via Some News",
     ["Tags Homs shelling Community standardsDiscussion Comment via FacebookComment via Some News"]),
    # tag lines and topic links
    ("the monitor said. Tags Syria Hama airstrikes civilian casualties",
     ["Tags Syria Hama airstrikes civilian casualties"]),
    ("... 25 Topic Fighting in the North (214) Related Aid reaches town",
     ["Topic Fighting in the North (214) Related Aid reaches town"]),
    # photo and agency credits in parentheses
    ("Smoke rises over the town on May 2 2016. (AFP Photo) At least 18 people were killed",
     ["(AFP Photo)"]),
    ("Smoke over the port. (Some TV and Agencies) The army said", ["(Some TV and Agencies)"]),
    ("in the old city on Monday. (Wire) Rescue teams said", ["(Wire)"]),
    ("(Wire Service) - Rebels shelled the town", ["(Wire Service)"]),
    # related-headline lists without line breaks end where the article resumes
    ("Views 12 Related Army retakes hill town Aid convoy reaches city At least 22 people were killed",
     ["Views 12 Related Army retakes hill town Aid convoy reaches city"]),
    ("Source agencies Related News Ten die in flood | Talks resume in capital Markets fall again",
     ["Related News Ten die in flood | Talks resume in capital Markets fall again"]),
])
def test_furniture_inside_a_line(line, expected):
    assert pieces(line) == expected


@pytest.mark.parametrize("line", [
    # dates a sentence runs through are prose
    "The attack on Monday 16 June 2014 killed 31 people.",
    "More than 300000 people have died since March 2011 according to the monitor.",
    "The group said Tuesday Sept. 30 2015 that the strikes hit a school.",
    "Hundreds of civilians died in a gas attack in August 2013.",
    "It was the worst attack since 12 February 2015 in the province.",
    # social networks and counts inside prose
    "He wrote on Twitter that 12 soldiers had been killed.",
    "The video was shared on Facebook 200 times before it was removed.",
    "Rebels said 20 30 or 40 fighters were missing.",
    "The strikes began around 1130 am and killed 12 people in 2011-2015 fighting.",
    "The related attacks killed 12 people.",
    "The group (Army of Conquest) shelled the town.",
    "It was signed. (The talks then resumed in the capital.)",
    # a tag list with prose after it has no end to find: left alone
    "Tags Syria Aleppo rebels Government forces shelled the eastern districts on Monday killing 12 people and wounding "
    "dozens more according to the monitor in its daily report.",
])
def test_prose_is_not_furniture(line):
    assert pieces(line) == []


def test_a_one_line_article_is_cut_around_its_furniture():
    text = "Mon 06 Mar 2017 Car bomb kills six in town Print Tweet Views 44 A car bomb killed six people on Monday."
    roles = line_roles(text)
    assert [(text[s:e].strip(), r) for s, e, r in roles] == [
        ("Mon 06 Mar 2017", "skip"),
        ("Car bomb kills six in town", "prose"),
        ("Print Tweet Views 44", "skip"),
        ("A car bomb killed six people on Monday.", "prose"),
    ]
    assert role_at(roles, text.index("2017")) == "skip"
    assert role_at(roles, text.index("six people")) == "prose"


def test_lines_keep_their_roles():
    text = "Army retakes town\n\nBy Ann Roe\n\nThe army retook the town on Sunday, officials said.\n"
    assert [(text[s:e], r) for s, e, r in line_roles(text)] == [
        ("Army retakes town", "heading"),
        ("By Ann Roe", "skip"),
        ("The army retook the town on Sunday, officials said.", "prose"),
    ]


def test_a_date_line_on_its_own_line_is_skipped():
    text = "Shelling kills four\nSunday 5 March 2017\nShelling killed four people in the old city on Sunday.\n"
    assert [r for _, _, r in line_roles(text)] == ["heading", "skip", "prose"]
