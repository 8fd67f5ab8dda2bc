//! First half (by byte order) of the Adobe Glyph List (glyphlist.txt 2.0), as `name:HEX` records
//! separated by single spaces, sorted by name bytes for binary search in `agl.rs`. Generated with
//! `gen_tables.py` from fontTools.agl's copy of the list; names mapping to several code points (Hebrew
//! point compounds) or to the private-use area (Adobe "small"/"oldstyle" variants) are left out, since
//! this module treats private-use text as unmapped anyway.

pub(super) const AGL_1: &str = "\
A:41 AE:C6 AEacute:1FC AEmacron:1E2 Aacute:C1 Abreve:102 Abreveacute:1EAE Abrevecyrillic:4D0 Abrevedotbelow:1EB6 \
Abrevegrave:1EB0 Abrevehookabove:1EB2 Abrevetilde:1EB4 Acaron:1CD Acircle:24B6 Acircumflex:C2 \
Acircumflexacute:1EA4 Acircumflexdotbelow:1EAC Acircumflexgrave:1EA6 Acircumflexhookabove:1EA8 \
Acircumflextilde:1EAA Acyrillic:410 Adblgrave:200 Adieresis:C4 Adieresiscyrillic:4D2 Adieresismacron:1DE \
Adotbelow:1EA0 Adotmacron:1E0 Agrave:C0 Ahookabove:1EA2 Aiecyrillic:4D4 Ainvertedbreve:202 Alpha:391 \
Alphatonos:386 Amacron:100 Amonospace:FF21 Aogonek:104 Aring:C5 Aringacute:1FA Aringbelow:1E00 Atilde:C3 \
Aybarmenian:531 B:42 Bcircle:24B7 Bdotaccent:1E02 Bdotbelow:1E04 Becyrillic:411 Benarmenian:532 Beta:392 \
Bhook:181 Blinebelow:1E06 Bmonospace:FF22 Btopbar:182 C:43 Caarmenian:53E Cacute:106 Ccaron:10C Ccedilla:C7 \
Ccedillaacute:1E08 Ccircle:24B8 Ccircumflex:108 Cdot:10A Cdotaccent:10A Chaarmenian:549 Cheabkhasiancyrillic:4BC \
Checyrillic:427 Chedescenderabkhasiancyrillic:4BE Chedescendercyrillic:4B6 Chedieresiscyrillic:4F4 \
Cheharmenian:543 Chekhakassiancyrillic:4CB Cheverticalstrokecyrillic:4B8 Chi:3A7 Chook:187 Cmonospace:FF23 \
Coarmenian:551 D:44 DZ:1F1 DZcaron:1C4 Daarmenian:534 Dafrican:189 Dcaron:10E Dcedilla:1E10 Dcircle:24B9 \
Dcircumflexbelow:1E12 Dcroat:110 Ddotaccent:1E0A Ddotbelow:1E0C Decyrillic:414 Deicoptic:3EE Delta:2206 \
Deltagreek:394 Dhook:18A Digammagreek:3DC Djecyrillic:402 Dlinebelow:1E0E Dmonospace:FF24 Dslash:110 Dtopbar:18B \
Dz:1F2 Dzcaron:1C5 Dzeabkhasiancyrillic:4E0 Dzecyrillic:405 Dzhecyrillic:40F E:45 Eacute:C9 Ebreve:114 Ecaron:11A \
Ecedillabreve:1E1C Echarmenian:535 Ecircle:24BA Ecircumflex:CA Ecircumflexacute:1EBE Ecircumflexbelow:1E18 \
Ecircumflexdotbelow:1EC6 Ecircumflexgrave:1EC0 Ecircumflexhookabove:1EC2 Ecircumflextilde:1EC4 Ecyrillic:404 \
Edblgrave:204 Edieresis:CB Edot:116 Edotaccent:116 Edotbelow:1EB8 Efcyrillic:424 Egrave:C8 Eharmenian:537 \
Ehookabove:1EBA Eightroman:2167 Einvertedbreve:206 Eiotifiedcyrillic:464 Elcyrillic:41B Elevenroman:216A \
Emacron:112 Emacronacute:1E16 Emacrongrave:1E14 Emcyrillic:41C Emonospace:FF25 Encyrillic:41D \
Endescendercyrillic:4A2 Eng:14A Enghecyrillic:4A4 Enhookcyrillic:4C7 Eogonek:118 Eopen:190 Epsilon:395 \
Epsilontonos:388 Ercyrillic:420 Ereversed:18E Ereversedcyrillic:42D Escyrillic:421 Esdescendercyrillic:4AA \
Esh:1A9 Eta:397 Etarmenian:538 Etatonos:389 Eth:D0 Etilde:1EBC Etildebelow:1E1A Euro:20AC Ezh:1B7 Ezhcaron:1EE \
Ezhreversed:1B8 F:46 Fcircle:24BB Fdotaccent:1E1E Feharmenian:556 Feicoptic:3E4 Fhook:191 Fitacyrillic:472 \
Fiveroman:2164 Fmonospace:FF26 Fourroman:2163 G:47 GBsquare:3387 Gacute:1F4 Gamma:393 Gammaafrican:194 \
Gangiacoptic:3EA Gbreve:11E Gcaron:1E6 Gcedilla:122 Gcircle:24BC Gcircumflex:11C Gcommaaccent:122 Gdot:120 \
Gdotaccent:120 Gecyrillic:413 Ghadarmenian:542 Ghemiddlehookcyrillic:494 Ghestrokecyrillic:492 \
Gheupturncyrillic:490 Ghook:193 Gimarmenian:533 Gjecyrillic:403 Gmacron:1E20 Gmonospace:FF27 Gsmallhook:29B \
Gstroke:1E4 H:48 H18533:25CF H18543:25AA H18551:25AB H22073:25A1 HPsquare:33CB Haabkhasiancyrillic:4A8 \
Hadescendercyrillic:4B2 Hardsigncyrillic:42A Hbar:126 Hbrevebelow:1E2A Hcedilla:1E28 Hcircle:24BD Hcircumflex:124 \
Hdieresis:1E26 Hdotaccent:1E22 Hdotbelow:1E24 Hmonospace:FF28 Hoarmenian:540 Horicoptic:3E8 Hzsquare:3390 I:49 \
IAcyrillic:42F IJ:132 IUcyrillic:42E Iacute:CD Ibreve:12C Icaron:1CF Icircle:24BE Icircumflex:CE Icyrillic:406 \
Idblgrave:208 Idieresis:CF Idieresisacute:1E2E Idieresiscyrillic:4E4 Idot:130 Idotaccent:130 Idotbelow:1ECA \
Iebrevecyrillic:4D6 Iecyrillic:415 Ifraktur:2111 Igrave:CC Ihookabove:1EC8 Iicyrillic:418 Iinvertedbreve:20A \
Iishortcyrillic:419 Imacron:12A Imacroncyrillic:4E2 Imonospace:FF29 Iniarmenian:53B Iocyrillic:401 Iogonek:12E \
Iota:399 Iotaafrican:196 Iotadieresis:3AA Iotatonos:38A Istroke:197 Itilde:128 Itildebelow:1E2C \
Izhitsacyrillic:474 Izhitsadblgravecyrillic:476 J:4A Jaarmenian:541 Jcircle:24BF Jcircumflex:134 Jecyrillic:408 \
Jheharmenian:54B Jmonospace:FF2A K:4B KBsquare:3385 KKsquare:33CD Kabashkircyrillic:4A0 Kacute:1E30 \
Kacyrillic:41A Kadescendercyrillic:49A Kahookcyrillic:4C3 Kappa:39A Kastrokecyrillic:49E \
Kaverticalstrokecyrillic:49C Kcaron:1E8 Kcedilla:136 Kcircle:24C0 Kcommaaccent:136 Kdotbelow:1E32 Keharmenian:554 \
Kenarmenian:53F Khacyrillic:425 Kheicoptic:3E6 Khook:198 Kjecyrillic:40C Klinebelow:1E34 Kmonospace:FF2B \
Koppacyrillic:480 Koppagreek:3DE Ksicyrillic:46E L:4C LJ:1C7 Lacute:139 Lambda:39B Lcaron:13D Lcedilla:13B \
Lcircle:24C1 Lcircumflexbelow:1E3C Lcommaaccent:13B Ldot:13F Ldotaccent:13F Ldotbelow:1E36 Ldotbelowmacron:1E38 \
Liwnarmenian:53C Lj:1C8 Ljecyrillic:409 Llinebelow:1E3A Lmonospace:FF2C Lslash:141 M:4D MBsquare:3386 Macute:1E3E \
Mcircle:24C2 Mdotaccent:1E40 Mdotbelow:1E42 Menarmenian:544 Mmonospace:FF2D Mturned:19C Mu:39C N:4E NJ:1CA \
Nacute:143 Ncaron:147 Ncedilla:145 Ncircle:24C3 Ncircumflexbelow:1E4A Ncommaaccent:145 Ndotaccent:1E44 \
Ndotbelow:1E46 Nhookleft:19D Nineroman:2168 Nj:1CB Njecyrillic:40A Nlinebelow:1E48 Nmonospace:FF2E \
Nowarmenian:546 Ntilde:D1 Nu:39D O:4F OE:152 Oacute:D3 Obarredcyrillic:4E8 Obarreddieresiscyrillic:4EA Obreve:14E \
Ocaron:1D1 Ocenteredtilde:19F Ocircle:24C4 Ocircumflex:D4 Ocircumflexacute:1ED0 Ocircumflexdotbelow:1ED8 \
Ocircumflexgrave:1ED2 Ocircumflexhookabove:1ED4 Ocircumflextilde:1ED6 Ocyrillic:41E Odblacute:150 Odblgrave:20C \
Odieresis:D6 Odieresiscyrillic:4E6 Odotbelow:1ECC Ograve:D2 Oharmenian:555 Ohm:2126 Ohookabove:1ECE Ohorn:1A0 \
Ohornacute:1EDA Ohorndotbelow:1EE2 Ohorngrave:1EDC Ohornhookabove:1EDE Ohorntilde:1EE0 Ohungarumlaut:150 Oi:1A2 \
Oinvertedbreve:20E Omacron:14C Omacronacute:1E52 Omacrongrave:1E50 Omega:2126 Omegacyrillic:460 Omegagreek:3A9 \
Omegaroundcyrillic:47A Omegatitlocyrillic:47C Omegatonos:38F Omicron:39F Omicrontonos:38C Omonospace:FF2F \
Oneroman:2160 Oogonek:1EA Oogonekmacron:1EC Oopen:186 Oslash:D8 Oslashacute:1FE Ostrokeacute:1FE Otcyrillic:47E \
Otilde:D5 Otildeacute:1E4C Otildedieresis:1E4E P:50 Pacute:1E54 Pcircle:24C5 Pdotaccent:1E56 Pecyrillic:41F \
Peharmenian:54A Pemiddlehookcyrillic:4A6 Phi:3A6 Phook:1A4 Pi:3A0 Piwrarmenian:553 Pmonospace:FF30 Psi:3A8 \
Psicyrillic:470 Q:51 Qcircle:24C6 Qmonospace:FF31 R:52 Raarmenian:54C Racute:154 Rcaron:158 Rcedilla:156 \
Rcircle:24C7 Rcommaaccent:156 Rdblgrave:210 Rdotaccent:1E58 Rdotbelow:1E5A Rdotbelowmacron:1E5C Reharmenian:550 \
Rfraktur:211C Rho:3A1 Rinvertedbreve:212 Rlinebelow:1E5E Rmonospace:FF32 Rsmallinverted:281 \
Rsmallinvertedsuperior:2B6 S:53 SF010000:250C SF020000:2514 SF030000:2510 SF040000:2518 SF050000:253C \
SF060000:252C SF070000:2534 SF080000:251C SF090000:2524 SF100000:2500 SF110000:2502 SF190000:2561 SF200000:2562 \
SF210000:2556 SF220000:2555 SF230000:2563 SF240000:2551 SF250000:2557 SF260000:255D SF270000:255C SF280000:255B \
SF360000:255E SF370000:255F SF380000:255A SF390000:2554 SF400000:2569 SF410000:2566 SF420000:2560 SF430000:2550 \
SF440000:256C SF450000:2567 SF460000:2568 SF470000:2564 SF480000:2565 SF490000:2559 SF500000:2558 SF510000:2552 \
SF520000:2553 SF530000:256B SF540000:256A Sacute:15A Sacutedotaccent:1E64 Sampigreek:3E0 Scaron:160 \
Scarondotaccent:1E66 Scedilla:15E Schwa:18F Schwacyrillic:4D8 Schwadieresiscyrillic:4DA Scircle:24C8 \
Scircumflex:15C Scommaaccent:218 Sdotaccent:1E60 Sdotbelow:1E62 Sdotbelowdotaccent:1E68 Seharmenian:54D \
Sevenroman:2166 Shaarmenian:547 Shacyrillic:428 Shchacyrillic:429 Sheicoptic:3E2 Shhacyrillic:4BA Shimacoptic:3EC \
Sigma:3A3 Sixroman:2165 Smonospace:FF33 Softsigncyrillic:42C Stigmagreek:3DA T:54 Tau:3A4 Tbar:166 Tcaron:164 \
Tcedilla:162 Tcircle:24C9 Tcircumflexbelow:1E70 Tcommaaccent:162 Tdotaccent:1E6A Tdotbelow:1E6C Tecyrillic:422 \
Tedescendercyrillic:4AC Tenroman:2169 Tetsecyrillic:4B4 Theta:398 Thook:1AC Thorn:DE Threeroman:2162 \
Tiwnarmenian:54F Tlinebelow:1E6E Tmonospace:FF34 Toarmenian:539 Tonefive:1BC Tonesix:184 Tonetwo:1A7 \
Tretroflexhook:1AE Tsecyrillic:426 Tshecyrillic:40B Twelveroman:216B Tworoman:2161 U:55 Uacute:DA Ubreve:16C \
Ucaron:1D3 Ucircle:24CA Ucircumflex:DB Ucircumflexbelow:1E76 Ucyrillic:423 Udblacute:170 Udblgrave:214 \
Udieresis:DC Udieresisacute:1D7 Udieresisbelow:1E72 Udieresiscaron:1D9 Udieresiscyrillic:4F0 Udieresisgrave:1DB \
Udieresismacron:1D5 Udotbelow:1EE4 Ugrave:D9 Uhookabove:1EE6 Uhorn:1AF Uhornacute:1EE8 Uhorndotbelow:1EF0 \
Uhorngrave:1EEA Uhornhookabove:1EEC Uhorntilde:1EEE Uhungarumlaut:170 Uhungarumlautcyrillic:4F2 \
Uinvertedbreve:216 Ukcyrillic:478 Umacron:16A Umacroncyrillic:4EE Umacrondieresis:1E7A Umonospace:FF35 \
Uogonek:172 Upsilon:3A5 Upsilon1:3D2 Upsilonacutehooksymbolgreek:3D3 Upsilonafrican:1B1 Upsilondieresis:3AB \
Upsilondieresishooksymbolgreek:3D4 Upsilonhooksymbol:3D2 Upsilontonos:38E Uring:16E Ushortcyrillic:40E \
Ustraightcyrillic:4AE Ustraightstrokecyrillic:4B0 Utilde:168 Utildeacute:1E78 Utildebelow:1E74 V:56 Vcircle:24CB \
Vdotbelow:1E7E Vecyrillic:412 Vewarmenian:54E Vhook:1B2 Vmonospace:FF36 Voarmenian:548 Vtilde:1E7C W:57 \
Wacute:1E82 Wcircle:24CC Wcircumflex:174 Wdieresis:1E84 Wdotaccent:1E86 Wdotbelow:1E88 Wgrave:1E80 \
Wmonospace:FF37 X:58 Xcircle:24CD Xdieresis:1E8C Xdotaccent:1E8A Xeharmenian:53D Xi:39E Xmonospace:FF38 Y:59 \
Yacute:DD Yatcyrillic:462 Ycircle:24CE Ycircumflex:176 Ydieresis:178 Ydotaccent:1E8E Ydotbelow:1EF4 \
Yericyrillic:42B Yerudieresiscyrillic:4F8 Ygrave:1EF2 Yhook:1B3 Yhookabove:1EF6 Yiarmenian:545 Yicyrillic:407 \
Yiwnarmenian:552 Ymonospace:FF39 Ytilde:1EF8 Yusbigcyrillic:46A Yusbigiotifiedcyrillic:46C Yuslittlecyrillic:466 \
Yuslittleiotifiedcyrillic:468 Z:5A Zaarmenian:536 Zacute:179 Zcaron:17D Zcircle:24CF Zcircumflex:1E90 Zdot:17B \
Zdotaccent:17B Zdotbelow:1E92 Zecyrillic:417 Zedescendercyrillic:498 Zedieresiscyrillic:4DE Zeta:396 \
Zhearmenian:53A Zhebrevecyrillic:4C1 Zhecyrillic:416 Zhedescendercyrillic:496 Zhedieresiscyrillic:4DC \
Zlinebelow:1E94 Zmonospace:FF3A Zstroke:1B5 a:61 aabengali:986 aacute:E1 aadeva:906 aagujarati:A86 aagurmukhi:A06 \
aamatragurmukhi:A3E aarusquare:3303 aavowelsignbengali:9BE aavowelsigndeva:93E aavowelsigngujarati:ABE \
abbreviationmarkarmenian:55F abbreviationsigndeva:970 abengali:985 abopomofo:311A abreve:103 abreveacute:1EAF \
abrevecyrillic:4D1 abrevedotbelow:1EB7 abrevegrave:1EB1 abrevehookabove:1EB3 abrevetilde:1EB5 acaron:1CE \
acircle:24D0 acircumflex:E2 acircumflexacute:1EA5 acircumflexdotbelow:1EAD acircumflexgrave:1EA7 \
acircumflexhookabove:1EA9 acircumflextilde:1EAB acute:B4 acutebelowcmb:317 acutecmb:301 acutecomb:301 \
acutedeva:954 acutelowmod:2CF acutetonecmb:341 acyrillic:430 adblgrave:201 addakgurmukhi:A71 adeva:905 \
adieresis:E4 adieresiscyrillic:4D3 adieresismacron:1DF adotbelow:1EA1 adotmacron:1E1 ae:E6 aeacute:1FD \
aekorean:3150 aemacron:1E3 afii00208:2015 afii08941:20A4 afii10017:410 afii10018:411 afii10019:412 afii10020:413 \
afii10021:414 afii10022:415 afii10023:401 afii10024:416 afii10025:417 afii10026:418 afii10027:419 afii10028:41A \
afii10029:41B afii10030:41C afii10031:41D afii10032:41E afii10033:41F afii10034:420 afii10035:421 afii10036:422 \
afii10037:423 afii10038:424 afii10039:425 afii10040:426 afii10041:427 afii10042:428 afii10043:429 afii10044:42A \
afii10045:42B afii10046:42C afii10047:42D afii10048:42E afii10049:42F afii10050:490 afii10051:402 afii10052:403 \
afii10053:404 afii10054:405 afii10055:406 afii10056:407 afii10057:408 afii10058:409 afii10059:40A afii10060:40B \
afii10061:40C afii10062:40E afii10065:430 afii10066:431 afii10067:432 afii10068:433 afii10069:434 afii10070:435 \
afii10071:451 afii10072:436 afii10073:437 afii10074:438 afii10075:439 afii10076:43A afii10077:43B afii10078:43C \
afii10079:43D afii10080:43E afii10081:43F afii10082:440 afii10083:441 afii10084:442 afii10085:443 afii10086:444 \
afii10087:445 afii10088:446 afii10089:447 afii10090:448 afii10091:449 afii10092:44A afii10093:44B afii10094:44C \
afii10095:44D afii10096:44E afii10097:44F afii10098:491 afii10099:452 afii10100:453 afii10101:454 afii10102:455 \
afii10103:456 afii10104:457 afii10105:458 afii10106:459 afii10107:45A afii10108:45B afii10109:45C afii10110:45E \
afii10145:40F afii10146:462 afii10147:472 afii10148:474 afii10193:45F afii10194:463 afii10195:473 afii10196:475 \
afii10846:4D9 afii299:200E afii300:200F afii301:200D afii57381:66A afii57388:60C afii57392:660 afii57393:661 \
afii57394:662 afii57395:663 afii57396:664 afii57397:665 afii57398:666 afii57399:667 afii57400:668 afii57401:669 \
afii57403:61B afii57407:61F afii57409:621 afii57410:622 afii57411:623 afii57412:624 afii57413:625 afii57414:626 \
afii57415:627 afii57416:628 afii57417:629 afii57418:62A afii57419:62B afii57420:62C afii57421:62D afii57422:62E \
afii57423:62F afii57424:630 afii57425:631 afii57426:632 afii57427:633 afii57428:634 afii57429:635 afii57430:636 \
afii57431:637 afii57432:638 afii57433:639 afii57434:63A afii57440:640 afii57441:641 afii57442:642 afii57443:643 \
afii57444:644 afii57445:645 afii57446:646 afii57448:648 afii57449:649 afii57450:64A afii57451:64B afii57452:64C \
afii57453:64D afii57454:64E afii57455:64F afii57456:650 afii57457:651 afii57458:652 afii57470:647 afii57505:6A4 \
afii57506:67E afii57507:686 afii57508:698 afii57509:6AF afii57511:679 afii57512:688 afii57513:691 afii57514:6BA \
afii57519:6D2 afii57534:6D5 afii57636:20AA afii57645:5BE afii57658:5C3 afii57664:5D0 afii57665:5D1 afii57666:5D2 \
afii57667:5D3 afii57668:5D4 afii57669:5D5 afii57670:5D6 afii57671:5D7 afii57672:5D8 afii57673:5D9 afii57674:5DA \
afii57675:5DB afii57676:5DC afii57677:5DD afii57678:5DE afii57679:5DF afii57680:5E0 afii57681:5E1 afii57682:5E2 \
afii57683:5E3 afii57684:5E4 afii57685:5E5 afii57686:5E6 afii57687:5E7 afii57688:5E8 afii57689:5E9 afii57690:5EA \
afii57694:FB2A afii57695:FB2B afii57700:FB4B afii57705:FB1F afii57716:5F0 afii57717:5F1 afii57718:5F2 \
afii57723:FB35 afii57793:5B4 afii57794:5B5 afii57795:5B6 afii57796:5BB afii57797:5B8 afii57798:5B7 afii57799:5B0 \
afii57800:5B2 afii57801:5B1 afii57802:5B3 afii57803:5C2 afii57804:5C1 afii57806:5B9 afii57807:5BC afii57839:5BD \
afii57841:5BF afii57842:5C0 afii57929:2BC afii61248:2105 afii61289:2113 afii61352:2116 afii61573:202C \
afii61574:202D afii61575:202E afii61664:200C afii63167:66D afii64937:2BD agrave:E0 agujarati:A85 agurmukhi:A05 \
ahiragana:3042 ahookabove:1EA3 aibengali:990 aibopomofo:311E aideva:910 aiecyrillic:4D5 aigujarati:A90 \
aigurmukhi:A10 aimatragurmukhi:A48 ainarabic:639 ainfinalarabic:FECA aininitialarabic:FECB ainmedialarabic:FECC \
ainvertedbreve:203 aivowelsignbengali:9C8 aivowelsigndeva:948 aivowelsigngujarati:AC8 akatakana:30A2 \
akatakanahalfwidth:FF71 akorean:314F alef:5D0 alefarabic:627 alefdageshhebrew:FB30 aleffinalarabic:FE8E \
alefhamzaabovearabic:623 alefhamzaabovefinalarabic:FE84 alefhamzabelowarabic:625 alefhamzabelowfinalarabic:FE88 \
alefhebrew:5D0 aleflamedhebrew:FB4F alefmaddaabovearabic:622 alefmaddaabovefinalarabic:FE82 alefmaksuraarabic:649 \
alefmaksurafinalarabic:FEF0 alefmaksurainitialarabic:FEF3 alefmaksuramedialarabic:FEF4 alefpatahhebrew:FB2E \
alefqamatshebrew:FB2F aleph:2135 allequal:224C alpha:3B1 alphatonos:3AC amacron:101 amonospace:FF41 ampersand:26 \
ampersandmonospace:FF06 amsquare:33C2 anbopomofo:3122 angbopomofo:3124 angkhankhuthai:E5A angle:2220 \
anglebracketleft:3008 anglebracketleftvertical:FE3F anglebracketright:3009 anglebracketrightvertical:FE40 \
angleleft:2329 angleright:232A angstrom:212B anoteleia:387 anudattadeva:952 anusvarabengali:982 anusvaradeva:902 \
anusvaragujarati:A82 aogonek:105 apaatosquare:3300 aparen:249C apostrophearmenian:55A apostrophemod:2BC \
approaches:2250 approxequal:2248 approxequalorimage:2252 approximatelyequal:2245 araeaekorean:318E \
araeakorean:318D arc:2312 arighthalfring:1E9A aring:E5 aringacute:1FB aringbelow:1E01 arrowboth:2194 \
arrowdashdown:21E3 arrowdashleft:21E0 arrowdashright:21E2 arrowdashup:21E1 arrowdblboth:21D4 arrowdbldown:21D3 \
arrowdblleft:21D0 arrowdblright:21D2 arrowdblup:21D1 arrowdown:2193 arrowdownleft:2199 arrowdownright:2198 \
arrowdownwhite:21E9 arrowheaddownmod:2C5 arrowheadleftmod:2C2 arrowheadrightmod:2C3 arrowheadupmod:2C4 \
arrowleft:2190 arrowleftdbl:21D0 arrowleftdblstroke:21CD arrowleftoverright:21C6 arrowleftwhite:21E6 \
arrowright:2192 arrowrightdblstroke:21CF arrowrightheavy:279E arrowrightoverleft:21C4 arrowrightwhite:21E8 \
arrowtableft:21E4 arrowtabright:21E5 arrowup:2191 arrowupdn:2195 arrowupdnbse:21A8 arrowupdownbase:21A8 \
arrowupleft:2196 arrowupleftofdown:21C5 arrowupright:2197 arrowupwhite:21E7 asciicircum:5E \
asciicircummonospace:FF3E asciitilde:7E asciitildemonospace:FF5E ascript:251 ascriptturned:252 \
asmallhiragana:3041 asmallkatakana:30A1 asmallkatakanahalfwidth:FF67 asterisk:2A asteriskaltonearabic:66D \
asteriskarabic:66D asteriskmath:2217 asteriskmonospace:FF0A asterisksmall:FE61 asterism:2042 \
asymptoticallyequal:2243 at:40 atilde:E3 atmonospace:FF20 atsmall:FE6B aturned:250 aubengali:994 aubopomofo:3120 \
audeva:914 augujarati:A94 augurmukhi:A14 aulengthmarkbengali:9D7 aumatragurmukhi:A4C auvowelsignbengali:9CC \
auvowelsigndeva:94C auvowelsigngujarati:ACC avagrahadeva:93D aybarmenian:561 ayin:5E2 ayinaltonehebrew:FB20 \
ayinhebrew:5E2 b:62 babengali:9AC backslash:5C backslashmonospace:FF3C badeva:92C bagujarati:AAC bagurmukhi:A2C \
bahiragana:3070 bahtthai:E3F bakatakana:30D0 bar:7C barmonospace:FF5C bbopomofo:3105 bcircle:24D1 bdotaccent:1E03 \
bdotbelow:1E05 beamedsixteenthnotes:266C because:2235 becyrillic:431 beharabic:628 behfinalarabic:FE90 \
behinitialarabic:FE91 behiragana:3079 behmedialarabic:FE92 behmeeminitialarabic:FC9F behmeemisolatedarabic:FC08 \
behnoonfinalarabic:FC6D bekatakana:30D9 benarmenian:562 bet:5D1 beta:3B2 betasymbolgreek:3D0 betdagesh:FB31 \
betdageshhebrew:FB31 bethebrew:5D1 betrafehebrew:FB4C bhabengali:9AD bhadeva:92D bhagujarati:AAD bhagurmukhi:A2D \
bhook:253 bihiragana:3073 bikatakana:30D3 bilabialclick:298 bindigurmukhi:A02 birusquare:3331 blackcircle:25CF \
blackdiamond:25C6 blackdownpointingtriangle:25BC blackleftpointingpointer:25C4 blackleftpointingtriangle:25C0 \
blacklenticularbracketleft:3010 blacklenticularbracketleftvertical:FE3B blacklenticularbracketright:3011 \
blacklenticularbracketrightvertical:FE3C blacklowerlefttriangle:25E3 blacklowerrighttriangle:25E2 \
blackrectangle:25AC blackrightpointingpointer:25BA blackrightpointingtriangle:25B6 blacksmallsquare:25AA \
blacksmilingface:263B blacksquare:25A0 blackstar:2605 blackupperlefttriangle:25E4 blackupperrighttriangle:25E5 \
blackuppointingsmalltriangle:25B4 blackuppointingtriangle:25B2 blank:2423 blinebelow:1E07 block:2588 \
bmonospace:FF42 bobaimaithai:E1A bohiragana:307C bokatakana:30DC bparen:249D bqsquare:33C3 braceleft:7B \
braceleftmonospace:FF5B braceleftsmall:FE5B braceleftvertical:FE37 braceright:7D bracerightmonospace:FF5D \
bracerightsmall:FE5C bracerightvertical:FE38 bracketleft:5B bracketleftmonospace:FF3B bracketright:5D \
bracketrightmonospace:FF3D breve:2D8 brevebelowcmb:32E brevecmb:306 breveinvertedbelowcmb:32F \
breveinvertedcmb:311 breveinverteddoublecmb:361 bridgebelowcmb:32A bridgeinvertedbelowcmb:33A brokenbar:A6 \
bstroke:180 btopbar:183 buhiragana:3076 bukatakana:30D6 bullet:2022 bulletinverse:25D8 bulletoperator:2219 \
bullseye:25CE c:63 caarmenian:56E cabengali:99A cacute:107 cadeva:91A cagujarati:A9A cagurmukhi:A1A \
calsquare:3388 candrabindubengali:981 candrabinducmb:310 candrabindudeva:901 candrabindugujarati:A81 \
capslock:21EA careof:2105 caron:2C7 caronbelowcmb:32C caroncmb:30C carriagereturn:21B5 cbopomofo:3118 ccaron:10D \
ccedilla:E7 ccedillaacute:1E09 ccircle:24D2 ccircumflex:109 ccurl:255 cdot:10B cdotaccent:10B cdsquare:33C5 \
cedilla:B8 cedillacmb:327 cent:A2 centigrade:2103 centmonospace:FFE0 chaarmenian:579 chabengali:99B chadeva:91B \
chagujarati:A9B chagurmukhi:A1B chbopomofo:3114 cheabkhasiancyrillic:4BD checkmark:2713 checyrillic:447 \
chedescenderabkhasiancyrillic:4BF chedescendercyrillic:4B7 chedieresiscyrillic:4F5 cheharmenian:573 \
chekhakassiancyrillic:4CC cheverticalstrokecyrillic:4B9 chi:3C7 chieuchacirclekorean:3277 \
chieuchaparenkorean:3217 chieuchcirclekorean:3269 chieuchkorean:314A chieuchparenkorean:3209 chochangthai:E0A \
chochanthai:E08 chochingthai:E09 chochoethai:E0C chook:188 cieucacirclekorean:3276 cieucaparenkorean:3216 \
cieuccirclekorean:3268 cieuckorean:3148 cieucparenkorean:3208 cieucuparenkorean:321C circle:25CB \
circlemultiply:2297 circleot:2299 circleplus:2295 circlepostalmark:3036 circlewithlefthalfblack:25D0 \
circlewithrighthalfblack:25D1 circumflex:2C6 circumflexbelowcmb:32D circumflexcmb:302 clear:2327 \
clickalveolar:1C2 clickdental:1C0 clicklateral:1C1 clickretroflex:1C3 club:2663 clubsuitblack:2663 \
clubsuitwhite:2667 cmcubedsquare:33A4 cmonospace:FF43 cmsquaredsquare:33A0 coarmenian:581 colon:3A \
colonmonetary:20A1 colonmonospace:FF1A colonsign:20A1 colonsmall:FE55 colontriangularhalfmod:2D1 \
colontriangularmod:2D0 comma:2C commaabovecmb:313 commaaboverightcmb:315 commaarabic:60C commaarmenian:55D \
commamonospace:FF0C commareversedabovecmb:314 commareversedmod:2BD commasmall:FE50 commaturnedabovecmb:312 \
commaturnedmod:2BB compass:263C congruent:2245 contourintegral:222E control:2303 controlACK:6 controlBEL:7 \
controlBS:8 controlCAN:18 controlCR:D controlDC1:11 controlDC2:12 controlDC3:13 controlDC4:14 controlDEL:7F \
controlDLE:10 controlEM:19 controlENQ:5 controlEOT:4 controlESC:1B controlETB:17 controlETX:3 controlFF:C \
controlFS:1C controlGS:1D controlHT:9 controlLF:A controlNAK:15 controlRS:1E controlSI:F controlSO:E controlSOT:2 \
controlSTX:1 controlSUB:1A controlSYN:16 controlUS:1F controlVT:B copyright:A9 cornerbracketleft:300C \
cornerbracketlefthalfwidth:FF62 cornerbracketleftvertical:FE41 cornerbracketright:300D \
cornerbracketrighthalfwidth:FF63 cornerbracketrightvertical:FE42 corporationsquare:337F cosquare:33C7 \
coverkgsquare:33C6 cparen:249E cruzeiro:20A2 cstretched:297 curlyand:22CF curlyor:22CE currency:A4 d:64 \
daarmenian:564 dabengali:9A6 dadarabic:636 dadeva:926 dadfinalarabic:FEBE dadinitialarabic:FEBF \
dadmedialarabic:FEC0 dagesh:5BC dageshhebrew:5BC dagger:2020 daggerdbl:2021 dagujarati:AA6 dagurmukhi:A26 \
dahiragana:3060 dakatakana:30C0 dalarabic:62F dalet:5D3 daletdagesh:FB33 daletdageshhebrew:FB33 dalethebrew:5D3 \
dalfinalarabic:FEAA dammaarabic:64F dammalowarabic:64F dammatanaltonearabic:64C dammatanarabic:64C danda:964 \
dargahebrew:5A7 dargalefthebrew:5A7 dasiapneumatacyrilliccmb:485 dblanglebracketleft:300A \
dblanglebracketleftvertical:FE3D dblanglebracketright:300B dblanglebracketrightvertical:FE3E \
dblarchinvertedbelowcmb:32B dblarrowleft:21D4 dblarrowright:21D2 dbldanda:965 dblgravecmb:30F dblintegral:222C \
dbllowline:2017 dbllowlinecmb:333 dbloverlinecmb:33F dblprimemod:2BA dblverticalbar:2016 \
dblverticallineabovecmb:30E dbopomofo:3109 dbsquare:33C8 dcaron:10F dcedilla:1E11 dcircle:24D3 \
dcircumflexbelow:1E13 dcroat:111 ddabengali:9A1 ddadeva:921 ddagujarati:AA1 ddagurmukhi:A21 ddalarabic:688 \
ddalfinalarabic:FB89 dddhadeva:95C ddhabengali:9A2 ddhadeva:922 ddhagujarati:AA2 ddhagurmukhi:A22 ddotaccent:1E0B \
ddotbelow:1E0D decimalseparatorarabic:66B decimalseparatorpersian:66B decyrillic:434 degree:B0 dehihebrew:5AD \
dehiragana:3067 deicoptic:3EF dekatakana:30C7 deleteleft:232B deleteright:2326 delta:3B4 deltaturned:18D \
denominatorminusonenumeratorbengali:9F8 dezh:2A4 dhabengali:9A7 dhadeva:927 dhagujarati:AA7 dhagurmukhi:A27 \
dhook:257 dialytikatonos:385 dialytikatonoscmb:344 diamond:2666 diamondsuitwhite:2662 dieresis:A8 \
dieresisbelowcmb:324 dieresiscmb:308 dieresistonos:385 dihiragana:3062 dikatakana:30C2 dittomark:3003 divide:F7 \
divides:2223 divisionslash:2215 djecyrillic:452 dkshade:2593 dlinebelow:1E0F dlsquare:3397 dmacron:111 \
dmonospace:FF44 dnblock:2584 dochadathai:E0E dodekthai:E14 dohiragana:3069 dokatakana:30C9 dollar:24 \
dollarmonospace:FF04 dollarsmall:FE69 dong:20AB dorusquare:3326 dotaccent:2D9 dotaccentcmb:307 dotbelowcmb:323 \
dotbelowcomb:323 dotkatakana:30FB dotlessi:131 dotlessjstrokehook:284 dotmath:22C5 dottedcircle:25CC \
doubleyodpatah:FB1F doubleyodpatahhebrew:FB1F downtackbelowcmb:31E downtackmod:2D5 dparen:249F dtail:256 \
dtopbar:18C duhiragana:3065 dukatakana:30C5 dz:1F3 dzaltone:2A3 dzcaron:1C6 dzcurl:2A5 dzeabkhasiancyrillic:4E1 \
dzecyrillic:455 dzhecyrillic:45F e:65 eacute:E9 earth:2641 ebengali:98F ebopomofo:311C ebreve:115 ecandradeva:90D \
ecandragujarati:A8D ecandravowelsigndeva:945 ecandravowelsigngujarati:AC5 ecaron:11B ecedillabreve:1E1D \
echarmenian:565 echyiwnarmenian:587 ecircle:24D4 ecircumflex:EA ecircumflexacute:1EBF ecircumflexbelow:1E19 \
ecircumflexdotbelow:1EC7 ecircumflexgrave:1EC1 ecircumflexhookabove:1EC3 ecircumflextilde:1EC5 ecyrillic:454 \
edblgrave:205 edeva:90F edieresis:EB edot:117 edotaccent:117 edotbelow:1EB9 eegurmukhi:A0F eematragurmukhi:A47 \
efcyrillic:444 egrave:E8 egujarati:A8F eharmenian:567 ehbopomofo:311D ehiragana:3048 ehookabove:1EBB \
eibopomofo:311F eight:38 eightarabic:668 eightbengali:9EE eightcircle:2467 eightcircleinversesansserif:2791 \
eightdeva:96E eighteencircle:2471 eighteenparen:2485 eighteenperiod:2499 eightgujarati:AEE eightgurmukhi:A6E \
eighthackarabic:668 eighthangzhou:3028 eighthnotebeamed:266B eightideographicparen:3227 eightinferior:2088 \
eightmonospace:FF18 eightparen:247B eightperiod:248F eightpersian:6F8 eightroman:2177 eightsuperior:2078 \
eightthai:E58 einvertedbreve:207 eiotifiedcyrillic:465 ekatakana:30A8 ekatakanahalfwidth:FF74 ekonkargurmukhi:A74 \
ekorean:3154 elcyrillic:43B element:2208 elevencircle:246A elevenparen:247E elevenperiod:2492 elevenroman:217A \
ellipsis:2026 ellipsisvertical:22EE emacron:113 emacronacute:1E17 emacrongrave:1E15 emcyrillic:43C emdash:2014 \
emdashvertical:FE31 emonospace:FF45 emphasismarkarmenian:55B emptyset:2205 enbopomofo:3123 encyrillic:43D \
endash:2013 endashvertical:FE32 endescendercyrillic:4A3 eng:14B engbopomofo:3125 enghecyrillic:4A5 \
enhookcyrillic:4C8 enspace:2002 eogonek:119 eokorean:3153 eopen:25B eopenclosed:29A eopenreversed:25C \
eopenreversedclosed:25E eopenreversedhook:25D eparen:24A0 epsilon:3B5 epsilontonos:3AD equal:3D \
equalmonospace:FF1D equalsmall:FE66 equalsuperior:207C equivalence:2261 erbopomofo:3126 ercyrillic:440 \
ereversed:258 ereversedcyrillic:44D escyrillic:441 esdescendercyrillic:4AB esh:283 eshcurl:286 eshortdeva:90E \
eshortvowelsigndeva:946 eshreversedloop:1AA eshsquatreversed:285 esmallhiragana:3047 esmallkatakana:30A7 \
esmallkatakanahalfwidth:FF6A estimated:212E eta:3B7 etarmenian:568 etatonos:3AE eth:F0 etilde:1EBD \
etildebelow:1E1B etnahtafoukhhebrew:591 etnahtafoukhlefthebrew:591 etnahtahebrew:591 etnahtalefthebrew:591 \
eturned:1DD eukorean:3161 euro:20AC evowelsignbengali:9C7 evowelsigndeva:947 evowelsigngujarati:AC7 exclam:21 \
exclamarmenian:55C exclamdbl:203C exclamdown:A1 exclammonospace:FF01 existential:2203 ezh:292 ezhcaron:1EF \
ezhcurl:293 ezhreversed:1B9 ezhtail:1BA f:66 fadeva:95E fagurmukhi:A5E fahrenheit:2109 fathaarabic:64E \
fathalowarabic:64E fathatanarabic:64B fbopomofo:3108 fcircle:24D5 fdotaccent:1E1F feharabic:641 feharmenian:586 \
fehfinalarabic:FED2 fehinitialarabic:FED3 fehmedialarabic:FED4 feicoptic:3E5 female:2640 ff:FB00 ffi:FB03 \
ffl:FB04 fi:FB01 fifteencircle:246E fifteenparen:2482 fifteenperiod:2496 figuredash:2012 filledbox:25A0 \
filledrect:25AC finalkaf:5DA finalkafdagesh:FB3A finalkafdageshhebrew:FB3A finalkafhebrew:5DA finalmem:5DD \
finalmemhebrew:5DD finalnun:5DF finalnunhebrew:5DF finalpe:5E3 finalpehebrew:5E3 finaltsadi:5E5 \
finaltsadihebrew:5E5 firsttonechinese:2C9 fisheye:25C9 fitacyrillic:473 five:35 fivearabic:665 fivebengali:9EB \
fivecircle:2464 fivecircleinversesansserif:278E fivedeva:96B fiveeighths:215D fivegujarati:AEB fivegurmukhi:A6B \
fivehackarabic:665 fivehangzhou:3025 fiveideographicparen:3224 fiveinferior:2085 fivemonospace:FF15 \
fiveparen:2478 fiveperiod:248C fivepersian:6F5 fiveroman:2174 fivesuperior:2075 fivethai:E55 fl:FB02 florin:192 \
fmonospace:FF46 fmsquare:3399 fofanthai:E1F fofathai:E1D fongmanthai:E4F forall:2200 four:34 fourarabic:664 \
fourbengali:9EA fourcircle:2463 fourcircleinversesansserif:278D fourdeva:96A fourgujarati:AEA fourgurmukhi:A6A \
fourhackarabic:664 fourhangzhou:3024 fourideographicparen:3223 fourinferior:2084 fourmonospace:FF14 \
fournumeratorbengali:9F7 fourparen:2477 fourperiod:248B fourpersian:6F4 fourroman:2173 foursuperior:2074 \
fourteencircle:246D fourteenparen:2481 fourteenperiod:2495 fourthai:E54 fourthtonechinese:2CB fparen:24A1 \
fraction:2044 franc:20A3 g:67 gabengali:997 gacute:1F5 gadeva:917 gafarabic:6AF gaffinalarabic:FB93 \
gafinitialarabic:FB94 gafmedialarabic:FB95 gagujarati:A97 gagurmukhi:A17 gahiragana:304C gakatakana:30AC \
gamma:3B3 gammalatinsmall:263 gammasuperior:2E0 gangiacoptic:3EB gbopomofo:310D gbreve:11F gcaron:1E7 \
gcedilla:123 gcircle:24D6 gcircumflex:11D gcommaaccent:123 gdot:121 gdotaccent:121 gecyrillic:433 gehiragana:3052 \
gekatakana:30B2 geometricallyequal:2251 gereshaccenthebrew:59C gereshhebrew:5F3 gereshmuqdamhebrew:59D \
germandbls:DF gershayimaccenthebrew:59E gershayimhebrew:5F4 getamark:3013 ghabengali:998 ghadarmenian:572 \
ghadeva:918 ghagujarati:A98 ghagurmukhi:A18 ghainarabic:63A ghainfinalarabic:FECE ghaininitialarabic:FECF \
ghainmedialarabic:FED0 ghemiddlehookcyrillic:495 ghestrokecyrillic:493 gheupturncyrillic:491 ghhadeva:95A \
ghhagurmukhi:A5A ghook:260 ghzsquare:3393 gihiragana:304E gikatakana:30AE gimarmenian:563 gimel:5D2 \
gimeldagesh:FB32 gimeldageshhebrew:FB32 gimelhebrew:5D2 gjecyrillic:453 glottalinvertedstroke:1BE glottalstop:294 \
glottalstopinverted:296 glottalstopmod:2C0 glottalstopreversed:295 glottalstopreversedmod:2C1 \
glottalstopreversedsuperior:2E4 glottalstopstroke:2A1 glottalstopstrokereversed:2A2 gmacron:1E21 gmonospace:FF47 \
gohiragana:3054 gokatakana:30B4 gparen:24A2 gpasquare:33AC gradient:2207 grave:60 gravebelowcmb:316 gravecmb:300 \
gravecomb:300 gravedeva:953 gravelowmod:2CE gravemonospace:FF40 gravetonecmb:340 greater:3E greaterequal:2265 \
greaterequalorless:22DB greatermonospace:FF1E greaterorequivalent:2273 greaterorless:2277 greateroverequal:2267 \
greatersmall:FE65 gscript:261 gstroke:1E5 guhiragana:3050 guillemotleft:AB guillemotright:BB guilsinglleft:2039 \
guilsinglright:203A gukatakana:30B0 guramusquare:3318 gysquare:33C9 h:68 haabkhasiancyrillic:4A9 \
haaltonearabic:6C1 habengali:9B9 hadescendercyrillic:4B3 hadeva:939 hagujarati:AB9 hagurmukhi:A39 haharabic:62D \
hahfinalarabic:FEA2 hahinitialarabic:FEA3 hahiragana:306F hahmedialarabic:FEA4 haitusquare:332A hakatakana:30CF \
hakatakanahalfwidth:FF8A halantgurmukhi:A4D hamzaarabic:621 hamzalowarabic:621 hangulfiller:3164 \
hardsigncyrillic:44A harpoonleftbarbup:21BC harpoonrightbarbup:21C0 hasquare:33CA hatafpatah:5B2 hatafpatah16:5B2 \
hatafpatah23:5B2 hatafpatah2f:5B2 hatafpatahhebrew:5B2 hatafpatahnarrowhebrew:5B2 hatafpatahquarterhebrew:5B2 \
hatafpatahwidehebrew:5B2 hatafqamats:5B3 hatafqamats1b:5B3 hatafqamats28:5B3 hatafqamats34:5B3 \
hatafqamatshebrew:5B3 hatafqamatsnarrowhebrew:5B3 hatafqamatsquarterhebrew:5B3 hatafqamatswidehebrew:5B3 \
hatafsegol:5B1 hatafsegol17:5B1 hatafsegol24:5B1 hatafsegol30:5B1 hatafsegolhebrew:5B1 hatafsegolnarrowhebrew:5B1 \
hatafsegolquarterhebrew:5B1 hatafsegolwidehebrew:5B1 hbar:127 hbopomofo:310F hbrevebelow:1E2B hcedilla:1E29 \
hcircle:24D7 hcircumflex:125 hdieresis:1E27 hdotaccent:1E23 hdotbelow:1E25 he:5D4 heart:2665 heartsuitblack:2665 \
heartsuitwhite:2661 hedagesh:FB34 hedageshhebrew:FB34 hehaltonearabic:6C1 heharabic:647 hehebrew:5D4 \
hehfinalaltonearabic:FBA7 hehfinalalttwoarabic:FEEA hehfinalarabic:FEEA hehhamzaabovefinalarabic:FBA5 \
hehhamzaaboveisolatedarabic:FBA4 hehinitialaltonearabic:FBA8 hehinitialarabic:FEEB hehiragana:3078 \
hehmedialaltonearabic:FBA9 hehmedialarabic:FEEC heiseierasquare:337B hekatakana:30D8 hekatakanahalfwidth:FF8D \
hekutaarusquare:3336 henghook:267 herutusquare:3339 het:5D7 hethebrew:5D7 hhook:266 hhooksuperior:2B1 \
hieuhacirclekorean:327B hieuhaparenkorean:321B hieuhcirclekorean:326D hieuhkorean:314E hieuhparenkorean:320D \
hihiragana:3072 hikatakana:30D2 hikatakanahalfwidth:FF8B hiriq:5B4 hiriq14:5B4 hiriq21:5B4 hiriq2d:5B4 \
hiriqhebrew:5B4 hiriqnarrowhebrew:5B4 hiriqquarterhebrew:5B4 hiriqwidehebrew:5B4 hlinebelow:1E96 hmonospace:FF48 \
hoarmenian:570 hohipthai:E2B hohiragana:307B hokatakana:30DB hokatakanahalfwidth:FF8E holam:5B9 holam19:5B9 \
holam26:5B9 holam32:5B9 holamhebrew:5B9 holamnarrowhebrew:5B9 holamquarterhebrew:5B9 holamwidehebrew:5B9 \
honokhukthai:E2E hookabovecomb:309 hookcmb:309 hookpalatalizedbelowcmb:321 hookretroflexbelowcmb:322 \
hoonsquare:3342 horicoptic:3E9 horizontalbar:2015 horncmb:31B hotsprings:2668 house:2302 hparen:24A3 \
hsuperior:2B0 hturned:265 huhiragana:3075 huiitosquare:3333 hukatakana:30D5 hukatakanahalfwidth:FF8C \
hungarumlaut:2DD hungarumlautcmb:30B hv:195 hyphen:2D hyphenmonospace:FF0D hyphensmall:FE63 hyphentwo:2010 i:69 \
iacute:ED iacyrillic:44F ibengali:987 ibopomofo:3127 ibreve:12D icaron:1D0 icircle:24D8 \
";
