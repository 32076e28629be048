"""Cue words that signal each event type, and the status words around them.

A cue is a word or phrase ('signed', 'deal', 'delivered', 'sanctions', 'said');
the classifier groups the cues of one type in one clause into one event, and
``statuses`` reads how far along it is from the words around them. Here too
are the words that take a cue back: a hedge, a denial, a request.
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import NamedTuple

from tracker.extract.caseless import Caseless
from tracker.extract.scan import WORD_START, WordScan
from tracker.extract.sentences import lower_pattern
from tracker.extract.words import Words

_I = re.IGNORECASE
DEAL = re.compile(
    r"\b(?:(?P<sign>sign(?:s|ed|ing)?|ink(?:s|ed|ing)?|seal(?:s|ed|ing)?|clinch(?:es|ed)?|conclud(?:e|es|ed)|"
    r"finali[sz](?:e|es|ed|ing)|awarded|placed an order|initial(?:l)?ed|"
    r"reach(?:ed|es)(?! (?:the |a |an )?(?:[\w-]+ )?"
    r"(?:stage|point|phase|level|limit|end|milestone|mark|record|high|low|peak)s?\b))"
    r"|(?P<noun>(?<!peace )(?<!election )(?<!ceasefire )(?<!grain )(?<!nuclear )(?<!trade )deals?|contracts?|"
    r"(?<!services )(?<!climate )(?<!trade )agreements?|(?<!trade )pacts?|(?<!peace )treat(?:y|ies)|"
    r"letters? of (?:offer and )?acceptance|"
    r"MoUs?|memorand(?:um|a)(?: of understanding)?|accords?|framework|letters? of intent|partnership|"
    # 'The $23 billion package, including 50 F-35s and 18 MQ-9B drones, was approved ...'
    r"arms package|(?<=[bm]illion )package(?=,? (?:including|which includes?|that includes?)\b))"
    r"|(?P<buy>buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|acqui(?:re|res|red|ring)|"
    # ('the Defense Acquisition Program Administration', 'the Defence Acquisition Council': bodies)
    r"acquisitions?(?! (?:program|programme|council|agency|administration|board|office|wing|committee)s?\b)|"
    r"procur(?:e|"
    r"es|ed|ing|ement(?! (?:agency|office|administration|board|council|chief|minister|department)))|"
    r"(?<!executive )(?<!in )(?<!world )order(?:s|ed|ing)?"
    # 'ordered the company to forfeit 3.7 million euros': a court's order, no purchase
    r"(?! (?:[\w&-]+ ){1,3}to (?:pay|forfeit|stop|halt|leave|close|return|cease|withdraw|hand)\b)"
    # 'ordered the army to round up and destroy all US-made weapons': a command
    r"(?! (?:the|its|their|his|her) (?:[\w&-]+ ){0,2}(?:army|military|troops|forces|navy|police|ministry|"
    r"government|officials|authorities|agencies|department|commanders?) to\b)"
    # 'signed an order imposing a tariff': a decree, not a purchase
    # ('signed an order on Aug. 6 imposing an extra 25% duty on Indian goods')
    r"(?! (?:on [A-Z]?[a-z]+\.? \d{1,2},? )?"
    r"(?:to|imposing|banning|barring|directing|authori[sz]ing|allowing|requiring|extending)\b)|"
    r"leas(?:e|es|ed|ing)(?=\s+(?:a|an|the|two|three|\d+|its|another)\b)|"  # 'to lease a nuclear submarine'
    r"paid(?=\s+(?:[^\s,.;]+\s+){0,6}for\b))"  # 'Armenia paid about $400 million in 2021 for Russian arms'
    r"|(?P<sell>sell(?:s|ing)?|sold|sales?)"
    r"|(?P<approve>approv(?:e|es|ed|al|ing)|clear(?:s|ed|ance)|greenlit|green-lit|okay(?:s|ed)|chose|"
    r"choose|chosen|"
    r"pick(?:s|ed|ing)|select(?:s|ed)|agreed|agrees|notif(?:ied|ies|y)(?= Congress))"
    r"|(?P<cancel>cancel(?:s|led|ed|ling|lation)?|scrap(?:s|ped|ping)?|call(?:s|ed)? off|"
    r"revok(?:e|es|ed|ing)|terminat(?:e|"
    r"es|ed|ion)|"
    r"dropped plans|drops plans|drop plans|pull(?:s|ed)? out|withdr(?:aw|ew|awn)|shelv(?:e|ed|es)|"
    r"abandon(?:s|ed)?|"
    r"suspend(?:s|ed|ing)?(?= (?:the |its |their )?(?:talks|discussions|negotiations)\b)|"
    r"(?:end(?:s|ed|ing)?|broke off|break(?:s|ing)? off|halt(?:s|ed|ing)?)"
    r"(?= (?:the |its |their )?(?:talks|discussions|negotiations)\b)|"
    r"end(?:s|ed|ing)?(?= (?:its|their|the|a|an) (?:[\w-]+ ){0,3}"
    r"(?:agreement|pact|deal|contract|accord|treaty)s?\b))"
    r"|(?P<offer>offer(?:s|ed|ing)?)"
    r")\b",
)
DELIVERY = re.compile(
    r"\b(?:(?P<give>deliver(?:s|ed|ing|y|ies)?|suppl(?:y|ies|ied|ying)|"
    # 'The first parts of a Russian S-400 missile defence system were flown into an air base near Ankara'
    r"(?<=were )flown(?= (?:in)?to\b)|"
    r"(?<!trans-)(?<!trans)"  # 'restrictions on trans-shipments of Russian LNG' move nothing
    # ('covering tanks, combat ships, missile defence systems': ships as goods)
    r"(?<!combat )(?<!naval )(?<!patrol )(?<!landing )(?<!navy )(?<!cargo )(?<!supply )"
    # ('sanctions on Iran's oil, shipping and banking sectors': a sector)
    # ('Ukraine ordered the two ships in 2020': ships as goods after a determiner or a count)
    r"ship(?:s(?<!the ships)(?<!two ships)(?<!both ships)(?<!its ships)(?<!their ships)(?<!these ships)"
    r"(?<!those ships)(?<!three ships)(?<!four ships)(?<!sister ships)|ped|ments?|"
    r"ping(?! (?:sectors?|industry|compan\w+|lines?|lanes?|routes?|firms?|and [\w-]+ "
    r"sectors?)))|"
    # 'decided to ship Patriot air defence missiles to the United States'
    r"(?:(?<=to )|(?<=will ))ship(?= (?:[^\s,;]+ ){0,10}to\b)|"
    r"sen(?:d|ds|t|ding)(?! (?:a |an )?(?:\w+ )?(?:protest|notes?|letters?|messages?|signals?|envoys?))|"
    r"hand(?:s|ed|ing)? over|hand-?overs?|provid(?:e|es|ed|ing)|"
    # 'Bucharest handed one of its Patriot batteries over to Kyiv in October'
    r"hand(?:s|ed|ing)?(?= (?:[\w-]+ ){1,6}over to\b)|"
    r"(?<!technology )transfer(?:s|red|ring)?(?! of (?:technology|know-how))|"
    r"(?:gave|gives?|given|giving)(?! (?:its |their |his |her |the )?(?:final |formal |initial |full )?"
    r"(?:approval|consent|support|backing|green light|nod|permission|assurances?)\b)|"
    r"donat(?:e|es|ed|ing)|airlift(?:s|ed|ing)?|(?<!has )(?<!have )gift(?:s|ed|ing)(?= (?:[\w-]+ ){0,6}to\b)|"
    # 'announced a $2.5bn military aid package for Ukraine including 90 Stryker armoured vehicles'
    r"(?:military|security|defen[cs]e|weapons|arms) (?:aid|assistance) package(?= (?:for|to)\b)|"
    r"export(?:s|ed|ing)?(?! controls?| curbs| bans?| rules| licen[cs]| restrictions?|"
    r" orders?| deals?| contracts?| customers?| versions?| variants?| models?| markets?)|dispatch(?:es|ed)?|"
    # 'The first 10 K2 tanks and 24 K9 howitzers bound for Poland left the port of Masan'
    r"bound for(?= (?:the )?[A-Z]))"
    r"|(?P<get>receiv(?:e|es|ed|ing)|t(?:ook|ake|akes|aking|aken) delivery|got|gets|arriv(?:e|es|ed|al|ing)|"
    r"land(?:s|ed)|touch(?:ed|es) down|"
    # 'The first 10 K2 tanks ... were unloaded in the Baltic port of Gdynia on Tuesday'
    r"(?<=were )(?:unloaded|offloaded)|(?<=was )(?:unloaded|offloaded)|"
    r"fl(?:own|ew) in(?= from\b)|"  # 'The jets, flown in from China earlier this month, ...'
    # 'a first batch of ... carriers reached Armenia', not 'reached an agreement', 'the final stage'
    r"reached(?! (?:an?|its|their|out|agreement|consensus|deals?|new|record|levels?|highs?|lows?|"
    r"the (?:[\w-]+ )?(?:stage|point|end|level|limit|decision|deal|agreement|conclusion|milestone|mark|"
    r"understanding|phase|final))\b)|"
    r"inducted|commissioned(?= into\b)|(?<=was )commissioned|(?<=were )commissioned|"
    r"commission(?:s|ed)(?= (?:the |its |a )?(?:[A-Z]{2,4}S |(?:[\w-]+ )?"
    r"(?:frigate|submarine|corvette|destroyer|warship|vessel|patrol vessel)s?\b))))\b",
)
SANCTION = re.compile(
    r"\b(?:sanction(?:s|ed|ing)?|blacklist(?:s|ed|ing)?|entity list|export control list|export controls?|"
    # 'has added 500 US citizens ... to its stop list', '... to its Specially Designated Nationals list'
    r"(?<=its )stop list|travel bans?|specially designated nationals list|sdn list|"
    r"visa (?:restrictions|bans?)|"
    r"(?:list of )?state sponsors? of terrorism(?: list)?|"
    # 'The U.S. and EU lifted the measures on Saturday': the sanctions told before, undone
    r"(?<=lifted the )measures|(?<=lift the )measures|(?<=lifts the )measures|(?<=lifting the )measures|"
    # 'the State Department on Friday designated three China-based companies'
    r"designated(?= (?:[\w-]+ ){0,3}(?:companies|firms|entities|individuals|banks|vessels|tankers)\b)|"
    r"(?:trade )?restriction list|unverified list|restrictive measures|"
    r"export (?:restrictions?|curbs)|(?:restrictions|curbs|controls) on (?:\w+ ){0,2}exports|"
    # 'Russia on Friday barred 500 Americans, including former President Barack Obama, from entering'
    r"barr(?:ed|ing|s)(?=[^;]{0,120}\bfrom entering\b)|entry bans?|"
    # 'Russia has permanently barred entry to 963 US citizens'
    r"(?:barr|den|refus)(?:ed|ing|s|ies)(?=\s+entry\s+to\b)|"
    # 'barred Americans from providing financial services to Myanmar Oil and Gas Enterprise'
    r"barr(?:ed|ing|s)(?= (?:[\w-]+ ){0,3}from "
    r"(?:providing|doing business|dealing|trading|investing|exporting)\b)|"
    # 'Beijing on Thursday barred Lockheed Martin and a Raytheon subsidiary from trade and new investment'
    r"barr(?:ed|ing|s)(?=[^.;]{0,80}\bfrom (?:trade|investment|new investment|business|imports|exports)\b)|"
    r"embargo(?:es|ed)?|asset freezes?|(?:penalty|punitive|secondary) tariffs?|punitive (?:measures|steps)|"
    r"CAATSA|ban(?:s|ned)?|banning(?= (?:imports|exports) of\b)|"
    # 'signed a decree on special economic measures against Turkey'
    r"(?:special |punitive |retaliatory )?economic measures(?= (?:against|on) )|"
    # ('an extra 25% duty on Indian goods over New Delhi's Russian oil purchases')
    r"(?:tariffs?|dut(?:y|ies))(?=[^.;]{0,60}\b(?:as (?:a )?penalty|in retaliation for|"
    r"over (?:[\w'’]+ ){0,4}purchases)\b)|"
    # 'would impose a 5 percent tariff on all goods coming from Mexico ... unless the country stops the flow
    # of migrants', '... a new kind of "secondary tariff"': a tariff used to coerce
    r"tariffs?(?=[^.;]{0,150}\b(?:unless|secondary)\b)|"
    r"penalty(?= (?:that|imposed))|penalties(?= (?:on|against) )|"
    r"halted all (?:exports|imports|trade)|suspended all trade|"
    # 'China suspended imports of citrus fruit and some fish from Taiwan and halted exports of natural sand'
    r"(?:suspended|halted|stopped) (?:imports|exports) of|"
    # 'Türkiye has stopped all export and import transactions with Israel', 'Ankara curbed exports of 54
    # product categories to Israel'
    r"(?:stopped|halted|suspended) all (?:export and import |import and export )?(?:exports|imports|trade|"
    r"transactions)|curb(?:s|ed|ing) exports|"
    # 'New Delhi downgraded diplomatic ties and put the 1960 Indus Waters Treaty in abeyance'
    r"downgrad(?:ed|es|ing) (?:diplomatic )?(?:ties|relations)|"
    r"(?:put|placed|held|holds?) (?:[\w'’-]+ ){1,5}in abeyance|"
    r"clos(?:ed|es|ing) (?:its )?airspace(?= to\b)|"
    r"fac(?:e|es|ing)\s+(?:[\"“']?[\w-]+\s+){0,2}[\"“']?consequences|"
    r"(?:similar|its\s+own|their\s+own)\s+(?:measures|steps|penalties|restrictions)|"
    # 'The U.K. unveiled its largest round of measures since 2022 the same day'
    r"(?:round|package)\s+of\s+(?:new\s+|fresh\s+)?(?:measures|penalties|restrictions)|"
    r"(?:arms|export|arms\s+export)\s+(?:freeze|moratorium)|counter-?measures|"
    r"freeze\s+on\s+(?:arms\s+|weapons?\s+)?(?:exports|sales|deliveries)|"
    # 'Germany will no longer block the sale of Eurofighter Typhoon jets to Saudi Arabia'
    r"(?:block(?:ing)?|objection\s+to|opposition\s+to|veto\s+on)\s+(?:the\s+)?(?:further\s+)?"
    r"(?:sale|sales|export|exports|delivery|deliveries)\s+of(?=\s)|"
    # 'said it was halting security exports to Colombia'
    r"(?:halt|suspend|stopp|freez|froze)\w*\s+(?:all\s+|its\s+|further\s+|new\s+)?"
    r"(?:arms|security|military|defen[cs]e|weapons?)\s+(?:exports|sales)|"
    r"(?:stopp|halt|suspend)\w*\s+(?:approving|issuing|granting)\s+(?:new\s+)?(?:arms\s+)?export\w*|"
    r"(?:stopp|halt|suspend|froze|freez)\w*\s+(?:the\s+)?approvals?\s+(?:of|for)\s+(?:new\s+)?(?:arms\s+)?exports?|"
    r"(?:defen[cs]e\s+|arms\s+)?trade\s+(?:restrictions|curbs)|"
    r"(?:export\s+)?(?:permits|licen[cs]es)(?=\s+for\s+(?:the\s+)?exports?\b)|export\s+(?:permits|licen[cs]es))\b",
)
SAY = re.compile(
    r"\b(?:said|says|say|stated|states|told|tells|added|adds|warned|warns|warn(?= that\b)|urged|urges|"
    r"criticis(?:ed|es)|"
    r"criticiz(?:ed|es)|condemned|condemns|rejected|rejects|called for|calls for|called on|calls on|"
    r"ruled out|"
    r"rules out|conveyed|welcomed|welcomes|reiterated|asserted|accused|accuses|denied|denies|stressed|noted|"
    r"mentioned|underscored|insisted|claimed|announced|declared|expressed|slammed|praised|threatened|"
    r"thanked|thanks|questioned|voiced|lauded|"
    r"confirmed|confirms|"
    r"threatens|"
    r"dismissed|demanded|cautioned|vowed|reported|told reporters|protested|denounced|denounces|decried|"
    r"decries|deplored|deplores|lambasted|blasted|rebuked|hailed|hails|"
    # 'acknowledged on Saturday that Tehran had provided Russia with drones', 'appealed to Western partners'
    r"acknowledged|acknowledges|admitted|admits|appealed|appeals(?= to\b)|"
    r"(?:lodged|sent|filed|delivered|handed|issued) (?:a |an )?(?:\w+ )?(?:protest|d[eé]marche)|"
    # 'Bangladesh's interim government on Monday sent a diplomatic note to India seeking the return of'
    r"(?:sent|delivered|handed) (?:a |an )?(?:diplomatic |verbal |formal )?note(?: verbale)?(?= to\b)|"
    r"defended|defends|summoned|summons|described|describes|termed|terms|branded|brands|"
    r"condemning|criticising|criticizing|denouncing|slamming|welcoming|urging|"
    r"raised (?:its |their |his |her )?concerns?|wrote to|writes to|"
    # ('called the threat "insolent"', 'called it the biggest single investment'; a name is no judgement)
    r"call(?:ed|s)(?= (?:[\w'’-]+ ){1,4}[\"“'‘](?!s\b))|call(?:ed|s)(?= (?:it|this|that) (?:a|an|the) )|"
    r"call(?:ed|s|ing)(?= (?:the|this|that) (?:decision|move|measures|sanctions|step|deal|sale|launch)\b)|"
    # 'Pakistan on Thursday called new U.S. sanctions on its ballistic missile programme biased'
    r"call(?:ed|s)(?= (?:new|fresh|recent|latest|the new|the latest) (?:[\w.'’-]+ ){0,2}"
    r"(?:sanctions|measures|tariffs|restrictions|remarks|comments|moves?|decision)\b)|"
    # 'France on Monday ordered the expulsion of 12 Algerian diplomats and recalled its ambassador'
    r"expel(?:led|s)|ordered the expulsion|"
    r"recall(?:ed|s) (?:\w+ly )?(?:its|their|the country's) (?:ambassador|envoy)|"
    r"call(?:ed|s)(?= (?:it |them |the \w+ )?(?:an? )?(?:\w+ly )?(?:provocative|dangerous|illegal|"
    r"unacceptable|destabili[sz]ing|irresponsible|unjustified|regrettable|hostile|unfriendly|illegitimate|groundless|"
    r"absurd|reckless|a violation|a threat|a mistake)\b)|"
    r"reacted(?= (?:angrily|sharply|furiously|with))|retorted|replied|replies|"
    r"tweeted|lamented|regretted|reaffirmed|hit back|hit out|lashed out|quoted as saying|"
    r"(?:wrote|posted)(?= on (?:X|Twitter|Telegram|Facebook|social media|his|her|its)\b)|"
    r"(?:signall?ed|suggested|indicated)(?= that\b)|"
    r"respond(?:ed|s)(?= (?:on|that|with|in)\b)|"  # not 'responded by imposing sanctions': an act
    # 'responded the same day that the move was unjustified'
    r"respond(?:ed|s)(?=(?: [\w'’-]+){0,4} (?:that|by saying)\b|,? *[\"“])"
    r")\b",
)
# 'has not yet signed', 'is still weighing': a negation of what is still to come, so a plan, never a denial
PENDING = Caseless(r"\b(?:yet|still)\b")
_BAN_OK = Caseless(
    r"\b(?:entering|entry|imports?|exports?|travel|deliver(?:ing|y|ies)|suppl(?:ying|ies|y)|arms sales|"
    r"shipments?|transfers?|"
    r"selling\s+(?:[\w-]+\s+){0,2}(?:arms|weapons|military)|sales?\s+of)\b"
)  # 'lifted a ban on delivering S-300 systems to Iran', '... on selling lethal weapons to Vietnam'
_BACKGROUND = Caseless(
    r"(?:evad\w*|circumvent\w*|despite|under|amid|violat\w*|violation of|skirt\w*|bypass\w*|in response to|"
    r"because of|due to|hit by|sanctions-hit|unilateral|western|existing|current|"
    # ('vetoed a resolution that would have extended the expert panel monitoring sanctions against ...')
    r"monitor\w*|enforc\w*|implement\w*)\s+(?:[\w.'’-]+\s+){0,3}$",
)
_IMPOSED_KIND = re.compile(
    r"\b(?:impos|slapp|announc|adopt)\w*\s+(?:new\s+|fresh\s+)?(?:unilateral|western|additional)\s+$", _I
)
# ('the already sanctioned firms' describes; 'had already sanctioned Iranian entities' acts)
_ADJECTIVE = Caseless(r"\b(?:the|two|both|a|an|other|heavily|(?:the|an?)\s+already|most)\s+$")
_DEMANDED = re.compile(
    r"\b(?:urg|demand|ask|call\w* on|press)\w*\s+(?:[\w'’.-]+\s+){0,3}?to\s+(?:\w+ly\s+)?$", _I
)
_FROM_GERUND = re.compile(r"\bfrom\s+$", _I)
_NOT_SAID = re.compile(r"^\s+(?!that\b)[a-z0-9]", _I)
_DEAL_BLOCKED = Caseless(
    r"\b(?:stop\w*|urg\w*|calls? on|called on|halt\w*|refrain\w*|ban\w*|against|rely|"
    r"depend\w*)\s+(?:\w+\s+){0,3}$",
)
_ANY_TRADER = re.compile(
    r"\bany\s+(?:country|state|nation|company|firm|one|entity|buyer)\s+(?:that\s+|which\s+)?$", _I
)
_EVERY_YEAR = re.compile(
    r"[^;]{0,80}?\b(?<!than )(?:a|per|each|every)\s+year\b(?!\s+(?:after|before|ago|later|earlier|on))"
    r"|[^;]{0,80}?\bannually\b",
    _I,
)
_VERB_FORM = re.compile(r"(?:ed|ing|^buys?|^bought|^sells?|^sold|^acquires?|^procures?|^orders?)$", _I)
# 'Turkey was sanctioned under the same law in December 2020': a sanction law told before
SAME_LAW = re.compile(
    r"\bunder\s+(?:the\s+same|that|this)\s+(?:law|act|legislation|statute|authority|programme|program)\b",
    re.IGNORECASE,
)
TRADE_HALT = re.compile(r"^(?:halt|suspend|stopp|freez|froze|ban|barr)", _I)

_MAY = "may"  # the verb; 'May' is the month
# 'Reports that India is set to buy Su-57s are speculative', 'revived speculation that Russia may have
# begun delivering ...': a rumour told, nothing traded
RUMOURED = Caseless(
    # 'Rahul Gandhi on Sunday alleged at an election rally that Prime Minister Narendra Modi had handed ...'
    r"\balleg(?:ed|es|ing)\s+(?:[^.;]{0,60}\s)?that\b|"
    r"\b(?:speculat\w*|rumou?r(?:s|ed)?|unconfirmed|no (?:public |firm |hard |clear )?evidence|"
    r"no talks (?:were|are|have been|had been) (?:under ?way|held)|talk of|"
    # 'Social media posts claiming that Egypt has ordered Chinese J-10C fighter jets have not been confirmed'
    r"(?:has|have|had)\s+not\s+been\s+(?:officially\s+|independently\s+)?confirmed|"
    r"(?:dismiss\w*|reject\w*)\b[^.;]{0,40}\b(?:inaccurate|misleading|false)\b[^.;]{0,20}\breports?|"
    # 'officials on Monday dismissed a Russian media report claiming that India had agreed to buy'
    # ('rejected as "factually incorrect" a media report that claimed India had dropped plans')
    r"(?:dismiss\w*|reject\w*|den(?:ied|ies|y))(?:\s+as\s+[\"“'‘]?[^\"”'’.;]{1,40}[\"”'’]?)?"
    r"\s+(?:a|an|the|these|those|media)\s+(?:[\w.-]+\s+){0,3}"
    # ('rejecting a report by rights groups that Israeli-made patrol boats were delivered')
    r"(?:reports?|claims?)(?:\s+(?:by|from)(?:\s+[\w.-]+){1,4}?)?\s+(?:claiming|saying|suggesting|alleging|that)\b|"
    r"(?:reports?|claims?)\b[^.;]{0,60}?\bthat\b[^.;]*\b(?:are|were|is|was)\s+(?:speculative|baseless|false|"
    r"untrue|unfounded|incorrect|wrong|fake|absurd|ridiculous|groundless|nonsense|lies)|neither\b[^.;]{1,40}\bnor\b[^.;]{1,40}\b(?:has|have)\s+confirmed)\b"
)
# 'A future EU sanctions package could include a ban on Russian aluminium, analysts at a Brussels think
# tank said': what analysts think could happen
ANALYSTS_GUESS = Caseless(
    r"\b(?:analysts?|experts?|think[- ]tanks?|observers|researchers)\b[^.;]{0,60}\b(?:said|say|says|believe|"
    r"expect|predict\w*|reckon)\b|\b(?:said|say|says)\s+(?:[\w-]+\s+){0,2}(?:analysts?|experts?)\b"
)
# 'India could consider buying more S-400s if Russia sticks to the delivery schedule, former Air Chief
# Marshal R.K.S. Bhadauria said': a retired officer's musing delivers nothing; 'Former IAF chief says
# India could order more S-400s' buys nothing either
FORMER_SAID = Caseless(
    r"\b(?:could|might|may)\b[^.;]*\b(?:former\s+[^;]{0,60}?|(?:analysts?|experts?|observers?)\s+(?:\w+\s+)?)"
    r"(?:said|says|say)\b|\bformer\s+[^;]{0,40}?\b(?:said|says|say)\b[^.;]*\b(?:could|might|may)\b"
)
# 'Panellists agreed that delays ... had pushed New Delhi to buy more from France', 'analysts see the transfer
# as a response to China's arms supplies', 'A former foreign secretary argued that ...': opinion, no news
OPINED = Caseless(
    r"\b(?:panell?ists|participants)\b[^.;]{0,40}\b(?:agreed|argued|said|noted)\b|"
    r"\b(?:analysts?|experts?|observers)\s+(?:see|view|regard)\b|"
    r"\bformer\s+(?:[\w-]+\s+){1,3}(?:argued|reckoned|suggested)\b"
)
GUESSED = Caseless(r"\b(?:could|might|would|future|next)\b", cased=_MAY)  # 'may' the verb, not the month
DROP_DELIVERY = Caseless(
    r"\b(?:urg\w*|call\w* (?:on|for)|ask\w*|demand\w*|request\w*|ruled out|rules out|refus\w*|not|n't|never|"
    # 'Russia has been unable to deliver a major consignment of weapons to India this year'
    r"unable to|fail(?:s|ed)? to|"
    r"no plans?|no intention|no interest|not interested|"
    r"halt\w*|suspend\w*|block\w*|stop\w*|speed up|rel(?:y|ies|ied|iant|iance)|dependence|depend\w*|"
    r"no evidence|den(?:y|ies|ied)|reject\w* (?:\w+ )?(?:claims|reports|accusations|allegations)|"
    r"(?:says?|said)\W{1,3}no\W{1,3} to|"  # "Biden says 'no' to sending F-16 fighter jets to Ukraine"
    r"baseless|ban(?:s|ned)? on|banned|bans|banning|prohibit\w*|permits? for|licen[cs]es? for|declin\w*|"
    # 'was "paving the way" to ultimately provide India with F-35 fighters': no plan in particular yet
    r"pav(?:e|es|ed|ing)\W{0,2} the way\W{0,2}|clear(?:s|ed|ing)? the way|"
    # 'Merz, who has backed sending Taurus cruise missiles to Ukraine': a stance on a transfer, none made
    r"(?:back(?:s|ed|ing)?|support(?:s|ed|ing)?|favou?r(?:s|ed|ing)?|advocat\w*|propos\w*|push\w* for) "
    r"(?:the idea of )?(?:sending|supplying|delivering|giving|providing|transferring))\b",
)
# 'the first four of 44', 'two of six helicopters': part of an order, so deliveries have begun
DENIED = Caseless(
    r"\b(?:no evidence|den(?:y|ies|ied)|baseless|"
    r"(?:rejected|dismissed) (?:\w+ )?(?:claims|reports|accusations|allegations)|"
    r"rejected (?:an? |the )(?:[\w'’-]+ ){0,6}?(?:claim|report|accusation|allegation)s?|"
    r"(?:accusations?|allegations?) (?:by|from) |"  # 'an accusation by Russia's SVR ... that Serbian ...'
    # 'declined to comment on social media reports that Islamabad has agreed to buy'
    r"(?:declin\w*|refus\w*) to comment on (?:[\w-]+ ){0,3}(?:reports|claims))\b[^,;]*$"
)
# 'pushed to 2026-27 due to the war in Ukraine': the place of a war, no side of a trade
WAR_IN = re.compile(r"\b(?:war|conflict|fighting|crisis|invasion)\s+(?:in|against|on)\s+(?:the\s+)?$", _I)
# the verbs of goods arriving (a unit told arriving, an order then arriving, an arrival after an induction)
ARRIVED = re.compile(r"^(?:arrived|landed|reached|fl(?:own|ew) in)$", _I)


def _lowered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern over lower-case text (group names and escapes kept)."""
    return re.compile(WORD_START + "(?:" + lower_pattern(pattern.pattern) + ")")


DEAL, DELIVERY, SANCTION, SAY = (_lowered(p) for p in (DEAL, DELIVERY, SANCTION, SAY))
_ETYPES = ("deal", "delivery", "sanction", "statement")
_SCAN = WordScan((DEAL, DELIVERY, SANCTION, SAY))


class Cue(NamedTuple):
    etype: str
    kind: str
    start: int
    end: int
    text: str


_PLACE = itemgetter(2, 0)  # (start, etype): cues in text order


_ORDER = re.compile(r"orders?$", _I)
_FOR_AFTER = re.compile(r"\s+(?:for|of|worth|from|to)\b")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|its|their|this|whose|another)\s+(?:[a-z][\w-]*\s+)?$", _I)
_MODAL_BEFORE = re.compile(r"\b(?:to|will|would|could|may|must|can|did|does|do)\s+$", _I)


# 'Washington has warned that countries buying major Russian weapons could face sanctions': buyers in general
_COUNTRIES = re.compile(r"\b(?:countries|nations)\s+(?:that\s+|which\s+)?$")


def bought_by_any(cue: Cue, text: str) -> bool:
    """A purchase by 'countries buying' or 'nations that buy': no buyer in particular."""
    return cue.kind == "buy" and _COUNTRIES.search(text, max(0, cue.start - 20), cue.start) is not None


def is_verb(cue: Cue, text: str) -> bool:
    """'bought', 'to purchase', 'will buy' are verbs; 'purchase', 'sales', 'deliveries' nouns."""
    if _VERB_FORM.search(cue.text):
        # 'the vanguard of a massive order meant to replace ...': after an article, 'order' names one (whose
        # goods, told after 'for', make it a purchase all the same)
        if _ORDER.match(cue.text) and not _FOR_AFTER.match(text, cue.end):
            return _ARTICLE_BEFORE.search(text, max(0, cue.start - 30), cue.start) is None
        return True
    return _MODAL_BEFORE.search(text[max(0, cue.start - 8) : cue.start]) is not None


CueMatches = list[list[re.Match[str]]]


def cue_matches(low: str, words: Words | None = None) -> CueMatches:
    """Matches of the four cue patterns in lower-case text, before any name is ruled out."""
    return _SCAN.scan(low, words)


def find_cues(
    text: str, taken: list[tuple[int, int]], low: str | None = None, matches: CueMatches | None = None
) -> list[Cue]:
    """All cues of a sentence outside actor and item names ('Defence Acquisition Council')."""
    out: list[Cue] = []
    low = low if low is not None else text.lower()
    new = tuple.__new__  # skips the named tuple's Python-level __new__ (as ``tokenize`` does)
    for etype, found in zip(_ETYPES, matches or cue_matches(low), strict=True):
        for m in found:
            start, end = m.span()
            for s, e in taken:
                if s < end and start < e:
                    break  # inside a name
            else:
                kind = m.lastgroup or etype  # the named alternative that matched ('sign', 'buy', ...)
                if not _blocked(text, m, etype, kind):
                    out.append(new(Cue, (etype, kind, start, end, text[start:end])))
    out.sort(key=_PLACE)
    spans = [(c.start, c.end) for c in out if c.etype == "sanction" and c.end - c.start > 12]
    if spans:
        # 'restrictions on exports to South Korea': the exports are what the sanction restricts
        out = [
            c for c in out if c.etype == "sanction" or not any(s <= c.start and c.end <= e for s, e in spans)
        ]
    return out


def _blocked(text: str, m: re.Match[str], etype: str, kind: str) -> bool:
    """A cue word that says nothing happened here."""
    if etype == "sanction":
        return not _sanction_ok(text, m)
    if kind == "give" and m.start() > 0 and text[m.start() - 1] == "-" and m.group().endswith("ed"):
        return True  # 'North Korean-supplied ballistic missiles': a mark of the goods' source, as '-made'
    if kind in ("buy", "sell", "give"):
        before = text[max(0, m.start() - 40) : m.start()]
        if _FROM_GERUND.search(before[-6:]):
            return True  # 'dissuades allies from purchasing': nothing is bought
        if kind != "give" and _DEAL_BLOCKED.found(before):
            return True  # 'urged the US to stop selling arms'
        if _ANY_TRADER.search(before) or _EVERY_YEAR.match(text, m.end()):
            # 'any country selling arms to Iran would face U.S. sanctions'; 'Huawei buys about $11 billion
            # of components from U.S. suppliers a year': anyone, or a habit, is no deal
            return True
    if kind == "cancel" and _DEMANDED.search(text[max(0, m.start() - 40) : m.start()]):
        return True  # 'urged Washington to immediately revoke it': a demand, nothing is cancelled
    if kind == "cancel" and _NOT_CANCELLING.search(text[max(0, m.start() - 40) : m.start()]):
        return True  # 'the ministry said it was not considering cancelling the purchase'
    return etype == "statement" and (
        m.group().lower() in ("added", "adds") and bool(_NOT_SAID.match(text[m.end() : m.end() + 6]))
    )  # 'added 42 companies to its list' is no saying


_NOT_CANCELLING = re.compile(
    r"\b(?:not|n't|never|no\s+plans?\s+to|rul(?:ed|es)\s+out)\s+(?:[a-z]+\s+){0,2}$", _I
)


def _sanction_ok(text: str, m: re.Match[str]) -> bool:
    word = m.group(0)
    if word == "sanctioned" and _ADJECTIVE.found(text[max(0, m.start() - 12) : m.start()]):
        return False  # 'the two sanctioned countries': a description, not an act
    if word.startswith("ban") and not _BAN_OK.found(text[m.end() : m.end() + 80]):
        return False
    before = text[max(0, m.start() - 40) : m.start()]
    if _IMPOSED_KIND.search(before):
        return True  # 'imposed unilateral sanctions': an act, whatever describes its measures
    if _STATE_IMPOSED.match(text, m.end()):
        return True  # 'because of the sanctions Tokyo imposed on Moscow last month': an act, with its state
    # ('cancelled the deal because of possible US sanctions': a threat feared, not measures in force)
    return not _BACKGROUND.found(before) or _FEARED.search(before) is not None


_FEARED = re.compile(
    r"\b(?:possible|potential|threatened|threat\s+of|risk\s+of|fears?\s+of)\s+(?:[\w.'’-]+\s+)?$", _I
)
_STATE_IMPOSED = re.compile(r"\s+(?:[A-Z][\w.'’-]+\s+){1,3}(?:had\s+|has\s+)?(?:imposed|slapped)\b")


# 'sanctioned ... for buying', 'for supplying Iran's ... program': the reason a gerund after 'for' gives
FOR_BEFORE = re.compile(r"\bfor\s+$", _I)


# 'Canada and Australia also announced new sanctions on the military regime': the state told before
ON_THE_REGIME = re.compile(
    r"\s+(?:on|against|targeting)\s+the\s+(?:country's\s+)?(?:military\s+)?(?:regime|junta|generals)\b",
    re.IGNORECASE,
)


def dropped_delivery(window: str, before: str = "") -> bool:
    """Requests, refusals and negations describe no delivery ('ruled out sending', 'urged ... deliveries');
    ``before`` is the text ahead of the clause, where a denial governs a 'that' clause ('found no
    evidence that South Africa supplied weapons')."""
    return DROP_DELIVERY.found(window) or DENIED.found(before)
