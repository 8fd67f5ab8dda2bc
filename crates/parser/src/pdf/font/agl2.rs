//! Second half (by byte order) of the Adobe Glyph List (glyphlist.txt 2.0), as `name:HEX` records
//! separated by single spaces, sorted by name bytes for binary search in `agl.rs`. Generated with
//! `gen_tables.py` from fontTools.agl's copy of the list; names mapping to several code points (Hebrew
//! point compounds) or to the private-use area (Adobe "small"/"oldstyle" variants) are left out, since
//! this module treats private-use text as unmapped anyway.

pub(super) const AGL_2: &str = "\
icircumflex:EE icyrillic:456 idblgrave:209 ideographearthcircle:328F ideographfirecircle:328B \
ideographicallianceparen:323F ideographiccallparen:323A ideographiccentrecircle:32A5 ideographicclose:3006 \
ideographiccomma:3001 ideographiccommaleft:FF64 ideographiccongratulationparen:3237 ideographiccorrectcircle:32A3 \
ideographicearthparen:322F ideographicenterpriseparen:323D ideographicexcellentcircle:329D \
ideographicfestivalparen:3240 ideographicfinancialcircle:3296 ideographicfinancialparen:3236 \
ideographicfireparen:322B ideographichaveparen:3232 ideographichighcircle:32A4 ideographiciterationmark:3005 \
ideographiclaborcircle:3298 ideographiclaborparen:3238 ideographicleftcircle:32A7 ideographiclowcircle:32A6 \
ideographicmedicinecircle:32A9 ideographicmetalparen:322E ideographicmoonparen:322A ideographicnameparen:3234 \
ideographicperiod:3002 ideographicprintcircle:329E ideographicreachparen:3243 ideographicrepresentparen:3239 \
ideographicresourceparen:323E ideographicrightcircle:32A8 ideographicsecretcircle:3299 ideographicselfparen:3242 \
ideographicsocietyparen:3233 ideographicspace:3000 ideographicspecialparen:3235 ideographicstockparen:3231 \
ideographicstudyparen:323B ideographicsunparen:3230 ideographicsuperviseparen:323C ideographicwaterparen:322C \
ideographicwoodparen:322D ideographiczero:3007 ideographmetalcircle:328E ideographmooncircle:328A \
ideographnamecircle:3294 ideographsuncircle:3290 ideographwatercircle:328C ideographwoodcircle:328D ideva:907 \
idieresis:EF idieresisacute:1E2F idieresiscyrillic:4E5 idotbelow:1ECB iebrevecyrillic:4D7 iecyrillic:435 \
ieungacirclekorean:3275 ieungaparenkorean:3215 ieungcirclekorean:3267 ieungkorean:3147 ieungparenkorean:3207 \
igrave:EC igujarati:A87 igurmukhi:A07 ihiragana:3044 ihookabove:1EC9 iibengali:988 iicyrillic:438 iideva:908 \
iigujarati:A88 iigurmukhi:A08 iimatragurmukhi:A40 iinvertedbreve:20B iishortcyrillic:439 iivowelsignbengali:9C0 \
iivowelsigndeva:940 iivowelsigngujarati:AC0 ij:133 ikatakana:30A4 ikatakanahalfwidth:FF72 ikorean:3163 ilde:2DC \
iluyhebrew:5AC imacron:12B imacroncyrillic:4E3 imageorapproximatelyequal:2253 imatragurmukhi:A3F imonospace:FF49 \
increment:2206 infinity:221E iniarmenian:56B integral:222B integralbottom:2321 integralbt:2321 integraltop:2320 \
integraltp:2320 intersection:2229 intisquare:3305 invbullet:25D8 invcircle:25D9 invsmileface:263B iocyrillic:451 \
iogonek:12F iota:3B9 iotadieresis:3CA iotadieresistonos:390 iotalatin:269 iotatonos:3AF iparen:24A4 \
irigurmukhi:A72 ismallhiragana:3043 ismallkatakana:30A3 ismallkatakanahalfwidth:FF68 issharbengali:9FA \
istroke:268 iterationhiragana:309D iterationkatakana:30FD itilde:129 itildebelow:1E2D iubopomofo:3129 \
iucyrillic:44E ivowelsignbengali:9BF ivowelsigndeva:93F ivowelsigngujarati:ABF izhitsacyrillic:475 \
izhitsadblgravecyrillic:477 j:6A jaarmenian:571 jabengali:99C jadeva:91C jagujarati:A9C jagurmukhi:A1C \
jbopomofo:3110 jcaron:1F0 jcircle:24D9 jcircumflex:135 jcrossedtail:29D jdotlessstroke:25F jecyrillic:458 \
jeemarabic:62C jeemfinalarabic:FE9E jeeminitialarabic:FE9F jeemmedialarabic:FEA0 jeharabic:698 \
jehfinalarabic:FB8B jhabengali:99D jhadeva:91D jhagujarati:A9D jhagurmukhi:A1D jheharmenian:57B jis:3004 \
jmonospace:FF4A jparen:24A5 jsuperior:2B2 k:6B kabashkircyrillic:4A1 kabengali:995 kacute:1E31 kacyrillic:43A \
kadescendercyrillic:49B kadeva:915 kaf:5DB kafarabic:643 kafdagesh:FB3B kafdageshhebrew:FB3B kaffinalarabic:FEDA \
kafhebrew:5DB kafinitialarabic:FEDB kafmedialarabic:FEDC kafrafehebrew:FB4D kagujarati:A95 kagurmukhi:A15 \
kahiragana:304B kahookcyrillic:4C4 kakatakana:30AB kakatakanahalfwidth:FF76 kappa:3BA kappasymbolgreek:3F0 \
kapyeounmieumkorean:3171 kapyeounphieuphkorean:3184 kapyeounpieupkorean:3178 kapyeounssangpieupkorean:3179 \
karoriisquare:330D kashidaautoarabic:640 kashidaautonosidebearingarabic:640 kasmallkatakana:30F5 kasquare:3384 \
kasraarabic:650 kasratanarabic:64D kastrokecyrillic:49F katahiraprolongmarkhalfwidth:FF70 \
kaverticalstrokecyrillic:49D kbopomofo:310E kcalsquare:3389 kcaron:1E9 kcedilla:137 kcircle:24DA kcommaaccent:137 \
kdotbelow:1E33 keharmenian:584 kehiragana:3051 kekatakana:30B1 kekatakanahalfwidth:FF79 kenarmenian:56F \
kesmallkatakana:30F6 kgreenlandic:138 khabengali:996 khacyrillic:445 khadeva:916 khagujarati:A96 khagurmukhi:A16 \
khaharabic:62E khahfinalarabic:FEA6 khahinitialarabic:FEA7 khahmedialarabic:FEA8 kheicoptic:3E7 khhadeva:959 \
khhagurmukhi:A59 khieukhacirclekorean:3278 khieukhaparenkorean:3218 khieukhcirclekorean:326A khieukhkorean:314B \
khieukhparenkorean:320A khokhaithai:E02 khokhonthai:E05 khokhuatthai:E03 khokhwaithai:E04 khomutthai:E5B \
khook:199 khorakhangthai:E06 khzsquare:3391 kihiragana:304D kikatakana:30AD kikatakanahalfwidth:FF77 \
kiroguramusquare:3315 kiromeetorusquare:3316 kirosquare:3314 kiyeokacirclekorean:326E kiyeokaparenkorean:320E \
kiyeokcirclekorean:3260 kiyeokkorean:3131 kiyeokparenkorean:3200 kiyeoksioskorean:3133 kjecyrillic:45C \
klinebelow:1E35 klsquare:3398 kmcubedsquare:33A6 kmonospace:FF4B kmsquaredsquare:33A2 kohiragana:3053 \
kohmsquare:33C0 kokaithai:E01 kokatakana:30B3 kokatakanahalfwidth:FF7A kooposquare:331E koppacyrillic:481 \
koreanstandardsymbol:327F koroniscmb:343 kparen:24A6 kpasquare:33AA ksicyrillic:46F ktsquare:33CF kturned:29E \
kuhiragana:304F kukatakana:30AF kukatakanahalfwidth:FF78 kvsquare:33B8 kwsquare:33BE l:6C labengali:9B2 \
lacute:13A ladeva:932 lagujarati:AB2 lagurmukhi:A32 lakkhangyaothai:E45 lamaleffinalarabic:FEFC \
lamalefhamzaabovefinalarabic:FEF8 lamalefhamzaaboveisolatedarabic:FEF7 lamalefhamzabelowfinalarabic:FEFA \
lamalefhamzabelowisolatedarabic:FEF9 lamalefisolatedarabic:FEFB lamalefmaddaabovefinalarabic:FEF6 \
lamalefmaddaaboveisolatedarabic:FEF5 lamarabic:644 lambda:3BB lambdastroke:19B lamed:5DC lameddagesh:FB3C \
lameddageshhebrew:FB3C lamedhebrew:5DC lamfinalarabic:FEDE lamhahinitialarabic:FCCA laminitialarabic:FEDF \
lamjeeminitialarabic:FCC9 lamkhahinitialarabic:FCCB lamlamhehisolatedarabic:FDF2 lammedialarabic:FEE0 \
lammeemhahinitialarabic:FD88 lammeeminitialarabic:FCCC largecircle:25EF lbar:19A lbelt:26C lbopomofo:310C \
lcaron:13E lcedilla:13C lcircle:24DB lcircumflexbelow:1E3D lcommaaccent:13C ldot:140 ldotaccent:140 \
ldotbelow:1E37 ldotbelowmacron:1E39 leftangleabovecmb:31A lefttackbelowcmb:318 less:3C lessequal:2264 \
lessequalorgreater:22DA lessmonospace:FF1C lessorequivalent:2272 lessorgreater:2276 lessoverequal:2266 \
lesssmall:FE64 lezh:26E lfblock:258C lhookretroflex:26D lira:20A4 liwnarmenian:56C lj:1C9 ljecyrillic:459 \
lladeva:933 llagujarati:AB3 llinebelow:1E3B llladeva:934 llvocalicbengali:9E1 llvocalicdeva:961 \
llvocalicvowelsignbengali:9E3 llvocalicvowelsigndeva:963 lmiddletilde:26B lmonospace:FF4C lmsquare:33D0 \
lochulathai:E2C logicaland:2227 logicalnot:AC logicalnotreversed:2310 logicalor:2228 lolingthai:E25 longs:17F \
lowlinecenterline:FE4E lowlinecmb:332 lowlinedashed:FE4D lozenge:25CA lparen:24A7 lslash:142 lsquare:2113 \
ltshade:2591 luthai:E26 lvocalicbengali:98C lvocalicdeva:90C lvocalicvowelsignbengali:9E2 \
lvocalicvowelsigndeva:962 lxsquare:33D3 m:6D mabengali:9AE macron:AF macronbelowcmb:331 macroncmb:304 \
macronlowmod:2CD macronmonospace:FFE3 macute:1E3F madeva:92E magujarati:AAE magurmukhi:A2E mahapakhhebrew:5A4 \
mahapakhlefthebrew:5A4 mahiragana:307E maichattawathai:E4B maiekthai:E48 maihanakatthai:E31 maitaikhuthai:E47 \
maithothai:E49 maitrithai:E4A maiyamokthai:E46 makatakana:30DE makatakanahalfwidth:FF8F male:2642 \
mansyonsquare:3347 maqafhebrew:5BE mars:2642 masoracirclehebrew:5AF masquare:3383 mbopomofo:3107 mbsquare:33D4 \
mcircle:24DC mcubedsquare:33A5 mdotaccent:1E41 mdotbelow:1E43 meemarabic:645 meemfinalarabic:FEE2 \
meeminitialarabic:FEE3 meemmedialarabic:FEE4 meemmeeminitialarabic:FCD1 meemmeemisolatedarabic:FC48 \
meetorusquare:334D mehiragana:3081 meizierasquare:337E mekatakana:30E1 mekatakanahalfwidth:FF92 mem:5DE \
memdagesh:FB3E memdageshhebrew:FB3E memhebrew:5DE menarmenian:574 merkhahebrew:5A5 merkhakefulahebrew:5A6 \
merkhakefulalefthebrew:5A6 merkhalefthebrew:5A5 mhook:271 mhzsquare:3392 middledotkatakanahalfwidth:FF65 \
middot:B7 mieumacirclekorean:3272 mieumaparenkorean:3212 mieumcirclekorean:3264 mieumkorean:3141 \
mieumpansioskorean:3170 mieumparenkorean:3204 mieumpieupkorean:316E mieumsioskorean:316F mihiragana:307F \
mikatakana:30DF mikatakanahalfwidth:FF90 minus:2212 minusbelowcmb:320 minuscircle:2296 minusmod:2D7 \
minusplus:2213 minute:2032 miribaarusquare:334A mirisquare:3349 mlonglegturned:270 mlsquare:3396 \
mmcubedsquare:33A3 mmonospace:FF4D mmsquaredsquare:339F mohiragana:3082 mohmsquare:33C1 mokatakana:30E2 \
mokatakanahalfwidth:FF93 molsquare:33D6 momathai:E21 moverssquare:33A7 moverssquaredsquare:33A8 mparen:24A8 \
mpasquare:33AB mssquare:33B3 mturned:26F mu:B5 mu1:B5 muasquare:3382 muchgreater:226B muchless:226A \
mufsquare:338C mugreek:3BC mugsquare:338D muhiragana:3080 mukatakana:30E0 mukatakanahalfwidth:FF91 mulsquare:3395 \
multiply:D7 mumsquare:339B munahhebrew:5A3 munahlefthebrew:5A3 musicalnote:266A musicalnotedbl:266B \
musicflatsign:266D musicsharpsign:266F mussquare:33B2 muvsquare:33B6 muwsquare:33BC mvmegasquare:33B9 \
mvsquare:33B7 mwmegasquare:33BF mwsquare:33BD n:6E nabengali:9A8 nabla:2207 nacute:144 nadeva:928 nagujarati:AA8 \
nagurmukhi:A28 nahiragana:306A nakatakana:30CA nakatakanahalfwidth:FF85 napostrophe:149 nasquare:3381 \
nbopomofo:310B nbspace:A0 ncaron:148 ncedilla:146 ncircle:24DD ncircumflexbelow:1E4B ncommaaccent:146 \
ndotaccent:1E45 ndotbelow:1E47 nehiragana:306D nekatakana:30CD nekatakanahalfwidth:FF88 newsheqelsign:20AA \
nfsquare:338B ngabengali:999 ngadeva:919 ngagujarati:A99 ngagurmukhi:A19 ngonguthai:E07 nhiragana:3093 \
nhookleft:272 nhookretroflex:273 nieunacirclekorean:326F nieunaparenkorean:320F nieuncieuckorean:3135 \
nieuncirclekorean:3261 nieunhieuhkorean:3136 nieunkorean:3134 nieunpansioskorean:3168 nieunparenkorean:3201 \
nieunsioskorean:3167 nieuntikeutkorean:3166 nihiragana:306B nikatakana:30CB nikatakanahalfwidth:FF86 \
nikhahitthai:E4D nine:39 ninearabic:669 ninebengali:9EF ninecircle:2468 ninecircleinversesansserif:2792 \
ninedeva:96F ninegujarati:AEF ninegurmukhi:A6F ninehackarabic:669 ninehangzhou:3029 nineideographicparen:3228 \
nineinferior:2089 ninemonospace:FF19 nineparen:247C nineperiod:2490 ninepersian:6F9 nineroman:2178 \
ninesuperior:2079 nineteencircle:2472 nineteenparen:2486 nineteenperiod:249A ninethai:E59 nj:1CC njecyrillic:45A \
nkatakana:30F3 nkatakanahalfwidth:FF9D nlegrightlong:19E nlinebelow:1E49 nmonospace:FF4E nmsquare:339A \
nnabengali:9A3 nnadeva:923 nnagujarati:AA3 nnagurmukhi:A23 nnnadeva:929 nohiragana:306E nokatakana:30CE \
nokatakanahalfwidth:FF89 nonbreakingspace:A0 nonenthai:E13 nonuthai:E19 noonarabic:646 noonfinalarabic:FEE6 \
noonghunnaarabic:6BA noonghunnafinalarabic:FB9F nooninitialarabic:FEE7 noonjeeminitialarabic:FCD2 \
noonjeemisolatedarabic:FC4B noonmedialarabic:FEE8 noonmeeminitialarabic:FCD5 noonmeemisolatedarabic:FC4E \
noonnoonfinalarabic:FC8D notcontains:220C notelement:2209 notelementof:2209 notequal:2260 notgreater:226F \
notgreaternorequal:2271 notgreaternorless:2279 notidentical:2262 notless:226E notlessnorequal:2270 \
notparallel:2226 notprecedes:2280 notsubset:2284 notsucceeds:2281 notsuperset:2285 nowarmenian:576 nparen:24A9 \
nssquare:33B1 nsuperior:207F ntilde:F1 nu:3BD nuhiragana:306C nukatakana:30CC nukatakanahalfwidth:FF87 \
nuktabengali:9BC nuktadeva:93C nuktagujarati:ABC nuktagurmukhi:A3C numbersign:23 numbersignmonospace:FF03 \
numbersignsmall:FE5F numeralsigngreek:374 numeralsignlowergreek:375 numero:2116 nun:5E0 nundagesh:FB40 \
nundageshhebrew:FB40 nunhebrew:5E0 nvsquare:33B5 nwsquare:33BB nyabengali:99E nyadeva:91E nyagujarati:A9E \
nyagurmukhi:A1E o:6F oacute:F3 oangthai:E2D obarred:275 obarredcyrillic:4E9 obarreddieresiscyrillic:4EB \
obengali:993 obopomofo:311B obreve:14F ocandradeva:911 ocandragujarati:A91 ocandravowelsigndeva:949 \
ocandravowelsigngujarati:AC9 ocaron:1D2 ocircle:24DE ocircumflex:F4 ocircumflexacute:1ED1 \
ocircumflexdotbelow:1ED9 ocircumflexgrave:1ED3 ocircumflexhookabove:1ED5 ocircumflextilde:1ED7 ocyrillic:43E \
odblacute:151 odblgrave:20D odeva:913 odieresis:F6 odieresiscyrillic:4E7 odotbelow:1ECD oe:153 oekorean:315A \
ogonek:2DB ogonekcmb:328 ograve:F2 ogujarati:A93 oharmenian:585 ohiragana:304A ohookabove:1ECF ohorn:1A1 \
ohornacute:1EDB ohorndotbelow:1EE3 ohorngrave:1EDD ohornhookabove:1EDF ohorntilde:1EE1 ohungarumlaut:151 oi:1A3 \
oinvertedbreve:20F okatakana:30AA okatakanahalfwidth:FF75 okorean:3157 olehebrew:5AB omacron:14D \
omacronacute:1E53 omacrongrave:1E51 omdeva:950 omega:3C9 omega1:3D6 omegacyrillic:461 omegalatinclosed:277 \
omegaroundcyrillic:47B omegatitlocyrillic:47D omegatonos:3CE omgujarati:AD0 omicron:3BF omicrontonos:3CC \
omonospace:FF4F one:31 onearabic:661 onebengali:9E7 onecircle:2460 onecircleinversesansserif:278A onedeva:967 \
onedotenleader:2024 oneeighth:215B onegujarati:AE7 onegurmukhi:A67 onehackarabic:661 onehalf:BD onehangzhou:3021 \
oneideographicparen:3220 oneinferior:2081 onemonospace:FF11 onenumeratorbengali:9F4 oneparen:2474 oneperiod:2488 \
onepersian:6F1 onequarter:BC oneroman:2170 onesuperior:B9 onethai:E51 onethird:2153 oogonek:1EB oogonekmacron:1ED \
oogurmukhi:A13 oomatragurmukhi:A4B oopen:254 oparen:24AA openbullet:25E6 option:2325 ordfeminine:AA \
ordmasculine:BA orthogonal:221F oshortdeva:912 oshortvowelsigndeva:94A oslash:F8 oslashacute:1FF \
osmallhiragana:3049 osmallkatakana:30A9 osmallkatakanahalfwidth:FF6B ostrokeacute:1FF otcyrillic:47F otilde:F5 \
otildeacute:1E4D otildedieresis:1E4F oubopomofo:3121 overline:203E overlinecenterline:FE4A overlinecmb:305 \
overlinedashed:FE49 overlinedblwavy:FE4C overlinewavy:FE4B overscore:AF ovowelsignbengali:9CB ovowelsigndeva:94B \
ovowelsigngujarati:ACB p:70 paampssquare:3380 paasentosquare:332B pabengali:9AA pacute:1E55 padeva:92A \
pagedown:21DF pageup:21DE pagujarati:AAA pagurmukhi:A2A pahiragana:3071 paiyannoithai:E2F pakatakana:30D1 \
palatalizationcyrilliccmb:484 palochkacyrillic:4C0 pansioskorean:317F paragraph:B6 parallel:2225 parenleft:28 \
parenleftaltonearabic:FD3E parenleftinferior:208D parenleftmonospace:FF08 parenleftsmall:FE59 \
parenleftsuperior:207D parenleftvertical:FE35 parenright:29 parenrightaltonearabic:FD3F parenrightinferior:208E \
parenrightmonospace:FF09 parenrightsmall:FE5A parenrightsuperior:207E parenrightvertical:FE36 partialdiff:2202 \
paseqhebrew:5C0 pashtahebrew:599 pasquare:33A9 patah:5B7 patah11:5B7 patah1d:5B7 patah2a:5B7 patahhebrew:5B7 \
patahnarrowhebrew:5B7 patahquarterhebrew:5B7 patahwidehebrew:5B7 pazerhebrew:5A1 pbopomofo:3106 pcircle:24DF \
pdotaccent:1E57 pe:5E4 pecyrillic:43F pedagesh:FB44 pedageshhebrew:FB44 peezisquare:333B pefinaldageshhebrew:FB43 \
peharabic:67E peharmenian:57A pehebrew:5E4 pehfinalarabic:FB57 pehinitialarabic:FB58 pehiragana:307A \
pehmedialarabic:FB59 pekatakana:30DA pemiddlehookcyrillic:4A7 perafehebrew:FB4E percent:25 percentarabic:66A \
percentmonospace:FF05 percentsmall:FE6A period:2E periodarmenian:589 periodcentered:B7 periodhalfwidth:FF61 \
periodmonospace:FF0E periodsmall:FE52 perispomenigreekcmb:342 perpendicular:22A5 perthousand:2030 peseta:20A7 \
pfsquare:338A phabengali:9AB phadeva:92B phagujarati:AAB phagurmukhi:A2B phi:3C6 phi1:3D5 \
phieuphacirclekorean:327A phieuphaparenkorean:321A phieuphcirclekorean:326C phieuphkorean:314D \
phieuphparenkorean:320C philatin:278 phinthuthai:E3A phisymbolgreek:3D5 phook:1A5 phophanthai:E1E \
phophungthai:E1C phosamphaothai:E20 pi:3C0 pieupacirclekorean:3273 pieupaparenkorean:3213 pieupcieuckorean:3176 \
pieupcirclekorean:3265 pieupkiyeokkorean:3172 pieupkorean:3142 pieupparenkorean:3205 pieupsioskiyeokkorean:3174 \
pieupsioskorean:3144 pieupsiostikeutkorean:3175 pieupthieuthkorean:3177 pieuptikeutkorean:3173 pihiragana:3074 \
pikatakana:30D4 pisymbolgreek:3D6 piwrarmenian:583 plus:2B plusbelowcmb:31F pluscircle:2295 plusminus:B1 \
plusmod:2D6 plusmonospace:FF0B plussmall:FE62 plussuperior:207A pmonospace:FF50 pmsquare:33D8 pohiragana:307D \
pointingindexdownwhite:261F pointingindexleftwhite:261C pointingindexrightwhite:261E pointingindexupwhite:261D \
pokatakana:30DD poplathai:E1B postalmark:3012 postalmarkface:3020 pparen:24AB precedes:227A prescription:211E \
primemod:2B9 primereversed:2035 product:220F projective:2305 prolongedkana:30FC propellor:2318 propersubset:2282 \
propersuperset:2283 proportion:2237 proportional:221D psi:3C8 psicyrillic:471 psilipneumatacyrilliccmb:486 \
pssquare:33B0 puhiragana:3077 pukatakana:30D7 pvsquare:33B4 pwsquare:33BA q:71 qadeva:958 qadmahebrew:5A8 \
qafarabic:642 qaffinalarabic:FED6 qafinitialarabic:FED7 qafmedialarabic:FED8 qamats:5B8 qamats10:5B8 qamats1a:5B8 \
qamats1c:5B8 qamats27:5B8 qamats29:5B8 qamats33:5B8 qamatsde:5B8 qamatshebrew:5B8 qamatsnarrowhebrew:5B8 \
qamatsqatanhebrew:5B8 qamatsqatannarrowhebrew:5B8 qamatsqatanquarterhebrew:5B8 qamatsqatanwidehebrew:5B8 \
qamatsquarterhebrew:5B8 qamatswidehebrew:5B8 qarneyparahebrew:59F qbopomofo:3111 qcircle:24E0 qhook:2A0 \
qmonospace:FF51 qof:5E7 qofdagesh:FB47 qofdageshhebrew:FB47 qofhebrew:5E7 qparen:24AC quarternote:2669 qubuts:5BB \
qubuts18:5BB qubuts25:5BB qubuts31:5BB qubutshebrew:5BB qubutsnarrowhebrew:5BB qubutsquarterhebrew:5BB \
qubutswidehebrew:5BB question:3F questionarabic:61F questionarmenian:55E questiondown:BF questiongreek:37E \
questionmonospace:FF1F quotedbl:22 quotedblbase:201E quotedblleft:201C quotedblmonospace:FF02 quotedblprime:301E \
quotedblprimereversed:301D quotedblright:201D quoteleft:2018 quoteleftreversed:201B quotereversed:201B \
quoteright:2019 quoterightn:149 quotesinglbase:201A quotesingle:27 quotesinglemonospace:FF07 r:72 raarmenian:57C \
rabengali:9B0 racute:155 radeva:930 radical:221A radoverssquare:33AE radoverssquaredsquare:33AF radsquare:33AD \
rafe:5BF rafehebrew:5BF ragujarati:AB0 ragurmukhi:A30 rahiragana:3089 rakatakana:30E9 rakatakanahalfwidth:FF97 \
ralowerdiagonalbengali:9F1 ramiddlediagonalbengali:9F0 ramshorn:264 ratio:2236 rbopomofo:3116 rcaron:159 \
rcedilla:157 rcircle:24E1 rcommaaccent:157 rdblgrave:211 rdotaccent:1E59 rdotbelow:1E5B rdotbelowmacron:1E5D \
referencemark:203B reflexsubset:2286 reflexsuperset:2287 registered:AE reharabic:631 reharmenian:580 \
rehfinalarabic:FEAE rehiragana:308C rekatakana:30EC rekatakanahalfwidth:FF9A resh:5E8 reshdageshhebrew:FB48 \
reshhebrew:5E8 reversedtilde:223D reviahebrew:597 reviamugrashhebrew:597 revlogicalnot:2310 rfishhook:27E \
rfishhookreversed:27F rhabengali:9DD rhadeva:95D rho:3C1 rhook:27D rhookturned:27B rhookturnedsuperior:2B5 \
rhosymbolgreek:3F1 rhotichookmod:2DE rieulacirclekorean:3271 rieulaparenkorean:3211 rieulcirclekorean:3263 \
rieulhieuhkorean:3140 rieulkiyeokkorean:313A rieulkiyeoksioskorean:3169 rieulkorean:3139 rieulmieumkorean:313B \
rieulpansioskorean:316C rieulparenkorean:3203 rieulphieuphkorean:313F rieulpieupkorean:313C \
rieulpieupsioskorean:316B rieulsioskorean:313D rieulthieuthkorean:313E rieultikeutkorean:316A \
rieulyeorinhieuhkorean:316D rightangle:221F righttackbelowcmb:319 righttriangle:22BF rihiragana:308A \
rikatakana:30EA rikatakanahalfwidth:FF98 ring:2DA ringbelowcmb:325 ringcmb:30A ringhalfleft:2BF \
ringhalfleftarmenian:559 ringhalfleftbelowcmb:31C ringhalfleftcentered:2D3 ringhalfright:2BE \
ringhalfrightbelowcmb:339 ringhalfrightcentered:2D2 rinvertedbreve:213 rittorusquare:3351 rlinebelow:1E5F \
rlongleg:27C rlonglegturned:27A rmonospace:FF52 rohiragana:308D rokatakana:30ED rokatakanahalfwidth:FF9B \
roruathai:E23 rparen:24AD rrabengali:9DC rradeva:931 rragurmukhi:A5C rreharabic:691 rrehfinalarabic:FB8D \
rrvocalicbengali:9E0 rrvocalicdeva:960 rrvocalicgujarati:AE0 rrvocalicvowelsignbengali:9C4 \
rrvocalicvowelsigndeva:944 rrvocalicvowelsigngujarati:AC4 rtblock:2590 rturned:279 rturnedsuperior:2B4 \
ruhiragana:308B rukatakana:30EB rukatakanahalfwidth:FF99 rupeemarkbengali:9F2 rupeesignbengali:9F3 ruthai:E24 \
rvocalicbengali:98B rvocalicdeva:90B rvocalicgujarati:A8B rvocalicvowelsignbengali:9C3 rvocalicvowelsigndeva:943 \
rvocalicvowelsigngujarati:AC3 s:73 sabengali:9B8 sacute:15B sacutedotaccent:1E65 sadarabic:635 sadeva:938 \
sadfinalarabic:FEBA sadinitialarabic:FEBB sadmedialarabic:FEBC sagujarati:AB8 sagurmukhi:A38 sahiragana:3055 \
sakatakana:30B5 sakatakanahalfwidth:FF7B sallallahoualayhewasallamarabic:FDFA samekh:5E1 samekhdagesh:FB41 \
samekhdageshhebrew:FB41 samekhhebrew:5E1 saraaathai:E32 saraaethai:E41 saraaimaimalaithai:E44 \
saraaimaimuanthai:E43 saraamthai:E33 saraathai:E30 saraethai:E40 saraiithai:E35 saraithai:E34 saraothai:E42 \
saraueethai:E37 sarauethai:E36 sarauthai:E38 sarauuthai:E39 sbopomofo:3119 scaron:161 scarondotaccent:1E67 \
scedilla:15F schwa:259 schwacyrillic:4D9 schwadieresiscyrillic:4DB schwahook:25A scircle:24E2 scircumflex:15D \
scommaaccent:219 sdotaccent:1E61 sdotbelow:1E63 sdotbelowdotaccent:1E69 seagullbelowcmb:33C second:2033 \
secondtonechinese:2CA section:A7 seenarabic:633 seenfinalarabic:FEB2 seeninitialarabic:FEB3 seenmedialarabic:FEB4 \
segol:5B6 segol13:5B6 segol1f:5B6 segol2c:5B6 segolhebrew:5B6 segolnarrowhebrew:5B6 segolquarterhebrew:5B6 \
segoltahebrew:592 segolwidehebrew:5B6 seharmenian:57D sehiragana:305B sekatakana:30BB sekatakanahalfwidth:FF7E \
semicolon:3B semicolonarabic:61B semicolonmonospace:FF1B semicolonsmall:FE54 semivoicedmarkkana:309C \
semivoicedmarkkanahalfwidth:FF9F sentisquare:3322 sentosquare:3323 seven:37 sevenarabic:667 sevenbengali:9ED \
sevencircle:2466 sevencircleinversesansserif:2790 sevendeva:96D seveneighths:215E sevengujarati:AED \
sevengurmukhi:A6D sevenhackarabic:667 sevenhangzhou:3027 sevenideographicparen:3226 seveninferior:2087 \
sevenmonospace:FF17 sevenparen:247A sevenperiod:248E sevenpersian:6F7 sevenroman:2176 sevensuperior:2077 \
seventeencircle:2470 seventeenparen:2484 seventeenperiod:2498 seventhai:E57 sfthyphen:AD shaarmenian:577 \
shabengali:9B6 shacyrillic:448 shaddaarabic:651 shaddadammaarabic:FC61 shaddadammatanarabic:FC5E \
shaddafathaarabic:FC60 shaddakasraarabic:FC62 shaddakasratanarabic:FC5F shade:2592 shadedark:2593 shadelight:2591 \
shademedium:2592 shadeva:936 shagujarati:AB6 shagurmukhi:A36 shalshelethebrew:593 shbopomofo:3115 \
shchacyrillic:449 sheenarabic:634 sheenfinalarabic:FEB6 sheeninitialarabic:FEB7 sheenmedialarabic:FEB8 \
sheicoptic:3E3 sheqel:20AA sheqelhebrew:20AA sheva:5B0 sheva115:5B0 sheva15:5B0 sheva22:5B0 sheva2e:5B0 \
shevahebrew:5B0 shevanarrowhebrew:5B0 shevaquarterhebrew:5B0 shevawidehebrew:5B0 shhacyrillic:4BB shimacoptic:3ED \
shin:5E9 shindagesh:FB49 shindageshhebrew:FB49 shindageshshindot:FB2C shindageshshindothebrew:FB2C \
shindageshsindot:FB2D shindageshsindothebrew:FB2D shindothebrew:5C1 shinhebrew:5E9 shinshindot:FB2A \
shinshindothebrew:FB2A shinsindot:FB2B shinsindothebrew:FB2B shook:282 sigma:3C3 sigma1:3C2 sigmafinal:3C2 \
sigmalunatesymbolgreek:3F2 sihiragana:3057 sikatakana:30B7 sikatakanahalfwidth:FF7C siluqhebrew:5BD \
siluqlefthebrew:5BD similar:223C sindothebrew:5C2 siosacirclekorean:3274 siosaparenkorean:3214 \
sioscieuckorean:317E sioscirclekorean:3266 sioskiyeokkorean:317A sioskorean:3145 siosnieunkorean:317B \
siosparenkorean:3206 siospieupkorean:317D siostikeutkorean:317C six:36 sixarabic:666 sixbengali:9EC \
sixcircle:2465 sixcircleinversesansserif:278F sixdeva:96C sixgujarati:AEC sixgurmukhi:A6C sixhackarabic:666 \
sixhangzhou:3026 sixideographicparen:3225 sixinferior:2086 sixmonospace:FF16 sixparen:2479 sixperiod:248D \
sixpersian:6F6 sixroman:2175 sixsuperior:2076 sixteencircle:246F sixteencurrencydenominatorbengali:9F9 \
sixteenparen:2483 sixteenperiod:2497 sixthai:E56 slash:2F slashmonospace:FF0F slong:17F slongdotaccent:1E9B \
smileface:263A smonospace:FF53 sofpasuqhebrew:5C3 softhyphen:AD softsigncyrillic:44C sohiragana:305D \
sokatakana:30BD sokatakanahalfwidth:FF7F soliduslongoverlaycmb:338 solidusshortoverlaycmb:337 sorusithai:E29 \
sosalathai:E28 sosothai:E0B sosuathai:E2A space:20 spacehackarabic:20 spade:2660 spadesuitblack:2660 \
spadesuitwhite:2664 sparen:24AE squarebelowcmb:33B squarecc:33C4 squarecm:339D squarediagonalcrosshatchfill:25A9 \
squarehorizontalfill:25A4 squarekg:338F squarekm:339E squarekmcapital:33CE squareln:33D1 squarelog:33D2 \
squaremg:338E squaremil:33D5 squaremm:339C squaremsquared:33A1 squareorthogonalcrosshatchfill:25A6 \
squareupperlefttolowerrightfill:25A7 squareupperrighttolowerleftfill:25A8 squareverticalfill:25A5 \
squarewhitewithsmallblack:25A3 srsquare:33DB ssabengali:9B7 ssadeva:937 ssagujarati:AB7 ssangcieuckorean:3149 \
ssanghieuhkorean:3185 ssangieungkorean:3180 ssangkiyeokkorean:3132 ssangnieunkorean:3165 ssangpieupkorean:3143 \
ssangsioskorean:3146 ssangtikeutkorean:3138 sterling:A3 sterlingmonospace:FFE1 strokelongoverlaycmb:336 \
strokeshortoverlaycmb:335 subset:2282 subsetnotequal:228A subsetorequal:2286 succeeds:227B suchthat:220B \
suhiragana:3059 sukatakana:30B9 sukatakanahalfwidth:FF7D sukunarabic:652 summation:2211 sun:263C superset:2283 \
supersetnotequal:228B supersetorequal:2287 svsquare:33DC syouwaerasquare:337C t:74 tabengali:9A4 tackdown:22A4 \
tackleft:22A3 tadeva:924 tagujarati:AA4 tagurmukhi:A24 taharabic:637 tahfinalarabic:FEC2 tahinitialarabic:FEC3 \
tahiragana:305F tahmedialarabic:FEC4 taisyouerasquare:337D takatakana:30BF takatakanahalfwidth:FF80 \
tatweelarabic:640 tau:3C4 tav:5EA tavdages:FB4A tavdagesh:FB4A tavdageshhebrew:FB4A tavhebrew:5EA tbar:167 \
tbopomofo:310A tcaron:165 tccurl:2A8 tcedilla:163 tcheharabic:686 tchehfinalarabic:FB7B tchehinitialarabic:FB7C \
tchehmedialarabic:FB7D tcircle:24E3 tcircumflexbelow:1E71 tcommaaccent:163 tdieresis:1E97 tdotaccent:1E6B \
tdotbelow:1E6D tecyrillic:442 tedescendercyrillic:4AD teharabic:62A tehfinalarabic:FE96 tehhahinitialarabic:FCA2 \
tehhahisolatedarabic:FC0C tehinitialarabic:FE97 tehiragana:3066 tehjeeminitialarabic:FCA1 \
tehjeemisolatedarabic:FC0B tehmarbutaarabic:629 tehmarbutafinalarabic:FE94 tehmedialarabic:FE98 \
tehmeeminitialarabic:FCA4 tehmeemisolatedarabic:FC0E tehnoonfinalarabic:FC73 tekatakana:30C6 \
tekatakanahalfwidth:FF83 telephone:2121 telephoneblack:260E telishagedolahebrew:5A0 telishaqetanahebrew:5A9 \
tencircle:2469 tenideographicparen:3229 tenparen:247D tenperiod:2491 tenroman:2179 tesh:2A7 tet:5D8 \
tetdagesh:FB38 tetdageshhebrew:FB38 tethebrew:5D8 tetsecyrillic:4B5 tevirhebrew:59B tevirlefthebrew:59B \
thabengali:9A5 thadeva:925 thagujarati:AA5 thagurmukhi:A25 thalarabic:630 thalfinalarabic:FEAC \
thanthakhatthai:E4C theharabic:62B thehfinalarabic:FE9A thehinitialarabic:FE9B thehmedialarabic:FE9C \
thereexists:2203 therefore:2234 theta:3B8 theta1:3D1 thetasymbolgreek:3D1 thieuthacirclekorean:3279 \
thieuthaparenkorean:3219 thieuthcirclekorean:326B thieuthkorean:314C thieuthparenkorean:320B thirteencircle:246C \
thirteenparen:2480 thirteenperiod:2494 thonangmonthothai:E11 thook:1AD thophuthaothai:E12 thorn:FE \
thothahanthai:E17 thothanthai:E10 thothongthai:E18 thothungthai:E16 thousandcyrillic:482 \
thousandsseparatorarabic:66C thousandsseparatorpersian:66C three:33 threearabic:663 threebengali:9E9 \
threecircle:2462 threecircleinversesansserif:278C threedeva:969 threeeighths:215C threegujarati:AE9 \
threegurmukhi:A69 threehackarabic:663 threehangzhou:3023 threeideographicparen:3222 threeinferior:2083 \
threemonospace:FF13 threenumeratorbengali:9F6 threeparen:2476 threeperiod:248A threepersian:6F3 threequarters:BE \
threeroman:2172 threesuperior:B3 threethai:E53 thzsquare:3394 tihiragana:3061 tikatakana:30C1 \
tikatakanahalfwidth:FF81 tikeutacirclekorean:3270 tikeutaparenkorean:3210 tikeutcirclekorean:3262 \
tikeutkorean:3137 tikeutparenkorean:3202 tilde:2DC tildebelowcmb:330 tildecmb:303 tildecomb:303 \
tildedoublecmb:360 tildeoperator:223C tildeoverlaycmb:334 tildeverticalcmb:33E timescircle:2297 tipehahebrew:596 \
tipehalefthebrew:596 tippigurmukhi:A70 titlocyrilliccmb:483 tiwnarmenian:57F tlinebelow:1E6F tmonospace:FF54 \
toarmenian:569 tohiragana:3068 tokatakana:30C8 tokatakanahalfwidth:FF84 tonebarextrahighmod:2E5 \
tonebarextralowmod:2E9 tonebarhighmod:2E6 tonebarlowmod:2E8 tonebarmidmod:2E7 tonefive:1BD tonesix:185 \
tonetwo:1A8 tonos:384 tonsquare:3327 topatakthai:E0F tortoiseshellbracketleft:3014 \
tortoiseshellbracketleftsmall:FE5D tortoiseshellbracketleftvertical:FE39 tortoiseshellbracketright:3015 \
tortoiseshellbracketrightsmall:FE5E tortoiseshellbracketrightvertical:FE3A totaothai:E15 tpalatalhook:1AB \
tparen:24AF trademark:2122 tretroflexhook:288 triagdn:25BC triaglf:25C4 triagrt:25BA triagup:25B2 ts:2A6 \
tsadi:5E6 tsadidagesh:FB46 tsadidageshhebrew:FB46 tsadihebrew:5E6 tsecyrillic:446 tsere:5B5 tsere12:5B5 \
tsere1e:5B5 tsere2b:5B5 tserehebrew:5B5 tserenarrowhebrew:5B5 tserequarterhebrew:5B5 tserewidehebrew:5B5 \
tshecyrillic:45B ttabengali:99F ttadeva:91F ttagujarati:A9F ttagurmukhi:A1F tteharabic:679 ttehfinalarabic:FB67 \
ttehinitialarabic:FB68 ttehmedialarabic:FB69 tthabengali:9A0 tthadeva:920 tthagujarati:AA0 tthagurmukhi:A20 \
tturned:287 tuhiragana:3064 tukatakana:30C4 tukatakanahalfwidth:FF82 tusmallhiragana:3063 tusmallkatakana:30C3 \
tusmallkatakanahalfwidth:FF6F twelvecircle:246B twelveparen:247F twelveperiod:2493 twelveroman:217B \
twentycircle:2473 twentyhangzhou:5344 twentyparen:2487 twentyperiod:249B two:32 twoarabic:662 twobengali:9E8 \
twocircle:2461 twocircleinversesansserif:278B twodeva:968 twodotenleader:2025 twodotleader:2025 \
twodotleadervertical:FE30 twogujarati:AE8 twogurmukhi:A68 twohackarabic:662 twohangzhou:3022 \
twoideographicparen:3221 twoinferior:2082 twomonospace:FF12 twonumeratorbengali:9F5 twoparen:2475 twoperiod:2489 \
twopersian:6F2 tworoman:2171 twostroke:1BB twosuperior:B2 twothai:E52 twothirds:2154 u:75 uacute:FA ubar:289 \
ubengali:989 ubopomofo:3128 ubreve:16D ucaron:1D4 ucircle:24E4 ucircumflex:FB ucircumflexbelow:1E77 ucyrillic:443 \
udattadeva:951 udblacute:171 udblgrave:215 udeva:909 udieresis:FC udieresisacute:1D8 udieresisbelow:1E73 \
udieresiscaron:1DA udieresiscyrillic:4F1 udieresisgrave:1DC udieresismacron:1D6 udotbelow:1EE5 ugrave:F9 \
ugujarati:A89 ugurmukhi:A09 uhiragana:3046 uhookabove:1EE7 uhorn:1B0 uhornacute:1EE9 uhorndotbelow:1EF1 \
uhorngrave:1EEB uhornhookabove:1EED uhorntilde:1EEF uhungarumlaut:171 uhungarumlautcyrillic:4F3 \
uinvertedbreve:217 ukatakana:30A6 ukatakanahalfwidth:FF73 ukcyrillic:479 ukorean:315C umacron:16B \
umacroncyrillic:4EF umacrondieresis:1E7B umatragurmukhi:A41 umonospace:FF55 underscore:5F underscoredbl:2017 \
underscoremonospace:FF3F underscorevertical:FE33 underscorewavy:FE4F union:222A universal:2200 uogonek:173 \
uparen:24B0 upblock:2580 upperdothebrew:5C4 upsilon:3C5 upsilondieresis:3CB upsilondieresistonos:3B0 \
upsilonlatin:28A upsilontonos:3CD uptackbelowcmb:31D uptackmod:2D4 uragurmukhi:A73 uring:16F ushortcyrillic:45E \
usmallhiragana:3045 usmallkatakana:30A5 usmallkatakanahalfwidth:FF69 ustraightcyrillic:4AF \
ustraightstrokecyrillic:4B1 utilde:169 utildeacute:1E79 utildebelow:1E75 uubengali:98A uudeva:90A uugujarati:A8A \
uugurmukhi:A0A uumatragurmukhi:A42 uuvowelsignbengali:9C2 uuvowelsigndeva:942 uuvowelsigngujarati:AC2 \
uvowelsignbengali:9C1 uvowelsigndeva:941 uvowelsigngujarati:AC1 v:76 vadeva:935 vagujarati:AB5 vagurmukhi:A35 \
vakatakana:30F7 vav:5D5 vavdagesh:FB35 vavdagesh65:FB35 vavdageshhebrew:FB35 vavhebrew:5D5 vavholam:FB4B \
vavholamhebrew:FB4B vavvavhebrew:5F0 vavyodhebrew:5F1 vcircle:24E5 vdotbelow:1E7F vecyrillic:432 veharabic:6A4 \
vehfinalarabic:FB6B vehinitialarabic:FB6C vehmedialarabic:FB6D vekatakana:30F9 venus:2640 verticalbar:7C \
verticallineabovecmb:30D verticallinebelowcmb:329 verticallinelowmod:2CC verticallinemod:2C8 vewarmenian:57E \
vhook:28B vikatakana:30F8 viramabengali:9CD viramadeva:94D viramagujarati:ACD visargabengali:983 visargadeva:903 \
visargagujarati:A83 vmonospace:FF56 voarmenian:578 voicediterationhiragana:309E voicediterationkatakana:30FE \
voicedmarkkana:309B voicedmarkkanahalfwidth:FF9E vokatakana:30FA vparen:24B1 vtilde:1E7D vturned:28C \
vuhiragana:3094 vukatakana:30F4 w:77 wacute:1E83 waekorean:3159 wahiragana:308F wakatakana:30EF \
wakatakanahalfwidth:FF9C wakorean:3158 wasmallhiragana:308E wasmallkatakana:30EE wattosquare:3357 wavedash:301C \
wavyunderscorevertical:FE34 wawarabic:648 wawfinalarabic:FEEE wawhamzaabovearabic:624 \
wawhamzaabovefinalarabic:FE86 wbsquare:33DD wcircle:24E6 wcircumflex:175 wdieresis:1E85 wdotaccent:1E87 \
wdotbelow:1E89 wehiragana:3091 weierstrass:2118 wekatakana:30F1 wekorean:315E weokorean:315D wgrave:1E81 \
whitebullet:25E6 whitecircle:25CB whitecircleinverse:25D9 whitecornerbracketleft:300E \
whitecornerbracketleftvertical:FE43 whitecornerbracketright:300F whitecornerbracketrightvertical:FE44 \
whitediamond:25C7 whitediamondcontainingblacksmalldiamond:25C8 whitedownpointingsmalltriangle:25BF \
whitedownpointingtriangle:25BD whiteleftpointingsmalltriangle:25C3 whiteleftpointingtriangle:25C1 \
whitelenticularbracketleft:3016 whitelenticularbracketright:3017 whiterightpointingsmalltriangle:25B9 \
whiterightpointingtriangle:25B7 whitesmallsquare:25AB whitesmilingface:263A whitesquare:25A1 whitestar:2606 \
whitetelephone:260F whitetortoiseshellbracketleft:3018 whitetortoiseshellbracketright:3019 \
whiteuppointingsmalltriangle:25B5 whiteuppointingtriangle:25B3 wihiragana:3090 wikatakana:30F0 wikorean:315F \
wmonospace:FF57 wohiragana:3092 wokatakana:30F2 wokatakanahalfwidth:FF66 won:20A9 wonmonospace:FFE6 \
wowaenthai:E27 wparen:24B2 wring:1E98 wsuperior:2B7 wturned:28D wynn:1BF x:78 xabovecmb:33D xbopomofo:3112 \
xcircle:24E7 xdieresis:1E8D xdotaccent:1E8B xeharmenian:56D xi:3BE xmonospace:FF58 xparen:24B3 xsuperior:2E3 y:79 \
yaadosquare:334E yabengali:9AF yacute:FD yadeva:92F yaekorean:3152 yagujarati:AAF yagurmukhi:A2F yahiragana:3084 \
yakatakana:30E4 yakatakanahalfwidth:FF94 yakorean:3151 yamakkanthai:E4E yasmallhiragana:3083 yasmallkatakana:30E3 \
yasmallkatakanahalfwidth:FF6C yatcyrillic:463 ycircle:24E8 ycircumflex:177 ydieresis:FF ydotaccent:1E8F \
ydotbelow:1EF5 yeharabic:64A yehbarreearabic:6D2 yehbarreefinalarabic:FBAF yehfinalarabic:FEF2 \
yehhamzaabovearabic:626 yehhamzaabovefinalarabic:FE8A yehhamzaaboveinitialarabic:FE8B \
yehhamzaabovemedialarabic:FE8C yehinitialarabic:FEF3 yehmedialarabic:FEF4 yehmeeminitialarabic:FCDD \
yehmeemisolatedarabic:FC58 yehnoonfinalarabic:FC94 yehthreedotsbelowarabic:6D1 yekorean:3156 yen:A5 \
yenmonospace:FFE5 yeokorean:3155 yeorinhieuhkorean:3186 yerahbenyomohebrew:5AA yerahbenyomolefthebrew:5AA \
yericyrillic:44B yerudieresiscyrillic:4F9 yesieungkorean:3181 yesieungpansioskorean:3183 yesieungsioskorean:3182 \
yetivhebrew:59A ygrave:1EF3 yhook:1B4 yhookabove:1EF7 yiarmenian:575 yicyrillic:457 yikorean:3162 yinyang:262F \
yiwnarmenian:582 ymonospace:FF59 yod:5D9 yoddagesh:FB39 yoddageshhebrew:FB39 yodhebrew:5D9 yodyodhebrew:5F2 \
yodyodpatahhebrew:FB1F yohiragana:3088 yoikorean:3189 yokatakana:30E8 yokatakanahalfwidth:FF96 yokorean:315B \
yosmallhiragana:3087 yosmallkatakana:30E7 yosmallkatakanahalfwidth:FF6E yotgreek:3F3 yoyaekorean:3188 \
yoyakorean:3187 yoyakthai:E22 yoyingthai:E0D yparen:24B4 ypogegrammeni:37A ypogegrammenigreekcmb:345 yr:1A6 \
yring:1E99 ysuperior:2B8 ytilde:1EF9 yturned:28E yuhiragana:3086 yuikorean:318C yukatakana:30E6 \
yukatakanahalfwidth:FF95 yukorean:3160 yusbigcyrillic:46B yusbigiotifiedcyrillic:46D yuslittlecyrillic:467 \
yuslittleiotifiedcyrillic:469 yusmallhiragana:3085 yusmallkatakana:30E5 yusmallkatakanahalfwidth:FF6D \
yuyekorean:318B yuyeokorean:318A yyabengali:9DF yyadeva:95F z:7A zaarmenian:566 zacute:17A zadeva:95B \
zagurmukhi:A5B zaharabic:638 zahfinalarabic:FEC6 zahinitialarabic:FEC7 zahiragana:3056 zahmedialarabic:FEC8 \
zainarabic:632 zainfinalarabic:FEB0 zakatakana:30B6 zaqefgadolhebrew:595 zaqefqatanhebrew:594 zarqahebrew:598 \
zayin:5D6 zayindagesh:FB36 zayindageshhebrew:FB36 zayinhebrew:5D6 zbopomofo:3117 zcaron:17E zcircle:24E9 \
zcircumflex:1E91 zcurl:291 zdot:17C zdotaccent:17C zdotbelow:1E93 zecyrillic:437 zedescendercyrillic:499 \
zedieresiscyrillic:4DF zehiragana:305C zekatakana:30BC zero:30 zeroarabic:660 zerobengali:9E6 zerodeva:966 \
zerogujarati:AE6 zerogurmukhi:A66 zerohackarabic:660 zeroinferior:2080 zeromonospace:FF10 zeropersian:6F0 \
zerosuperior:2070 zerothai:E50 zerowidthjoiner:FEFF zerowidthnonjoiner:200C zerowidthspace:200B zeta:3B6 \
zhbopomofo:3113 zhearmenian:56A zhebrevecyrillic:4C2 zhecyrillic:436 zhedescendercyrillic:497 \
zhedieresiscyrillic:4DD zihiragana:3058 zikatakana:30B8 zinorhebrew:5AE zlinebelow:1E95 zmonospace:FF5A \
zohiragana:305E zokatakana:30BE zparen:24B5 zretroflexhook:290 zstroke:1B6 zuhiragana:305A zukatakana:30BA \
";
