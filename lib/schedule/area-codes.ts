// Geographic NANP area codes (NPAs) of the United States, its territories and Canada, grouped by the
// IANA timezone their callers live in, then by state or province. Overlays share their parent's zone.
// Checked against libphonenumber's NANP metadata (v1.13): every US/CA geographic code it knows is
// here except Canada's 273, whose region was not confirmed (it falls back to the location's zone).
// Non-geographic codes (toll-free 8XX, 900, 5XX personal, 600, 700) and the other NANP countries
// (Jamaica, the Dominican Republic, Bahamas…) are deliberately absent.
//
// Codes that straddle two zones take the zone where most of their population lives:
//   850/448  FL panhandle: Pensacola–Panama City (Central) outnumber Tallahassee (Eastern) → Central
//   270/364  KY west: Bowling Green, Owensboro, Paducah (Central); Elizabethtown area Eastern → Central
//   423      TN east: Chattanooga, Tri-Cities (Eastern); Sequatchie valley Central → Eastern
//   931      TN middle: Clarksville, Cookeville, Tullahoma all Central → Central
//   812/930  IN south: Evansville corner Central; Bloomington, Columbus, Terre Haute Eastern → Eastern
//   574      IN north: South Bend, Elkhart (Eastern); Starke County Central → Eastern
//   219      IN northwest: Gary, Valparaiso, La Porte, all Central → Central
//   906      MI Upper Peninsula: four Wisconsin-border counties Central; Marquette etc. Eastern → Eastern
//   308      NE west: Grand Island, Kearney, North Platte (Central) outnumber Scottsbluff (Mountain) → Central
//   605      SD: Sioux Falls side (Central) outnumbers Rapid City side (Mountain) → Central
//   701      ND: southwest (Dickinson) Mountain → Central
//   620/785  KS: four western border counties Mountain → Central
//   915      TX: El Paso and Hudspeth, Mountain → Mountain (432 Midland–Odessa stays Central)
//   208/986  ID: Boise and the south (Mountain) outnumber the northern panhandle (Pacific) → Mountain
//   541/458  OR: Malheur County (Ontario) Mountain → Pacific
//   775      NV: West Wendover Mountain → Pacific
//   334      AL: Phenix City keeps Columbus GA's Eastern time unofficially → Central
//   928      AZ: the Navajo Nation observes DST; the rest of 928 does not → Phoenix
//   907      AK: the western Aleutians are Hawaii–Aleutian → Anchorage
//   807      ON northwest: Thunder Bay (Eastern) outnumbers Kenora–Rainy River (Central) → Eastern
//   418      QC: Magdalen Islands and the Lower North Shore are Atlantic → Eastern
//   250/778/236/257/672  BC: Peace River and East Kootenay Mountain → Pacific
//   306/639/474  SK: Lloydminster keeps Alberta time → Regina
//   709/879  NL: Labrador is Atlantic; the island is Newfoundland time → St_Johns
//   867      YT/NT/NU: Yukon (UTC−7 all year), Northwest Territories (Mountain), Nunavut (Mountain,
//            Central, Eastern); Mountain time holds the plurality → Edmonton

export const AREA_CODES_BY_ZONE: Record<string, Record<string, string>> = {
  "America/New_York": {
    CT: "203 475 860 959",
    DC: "202 771",
    DE: "302",
    FL: "239 305 321 324 352 386 407 561 645 656 689 727 728 754 772 786 813 863 904 941 954",
    GA: "229 404 470 478 678 706 762 770 912 943",
    MA: "339 351 413 508 617 774 781 857 978",
    MD: "227 240 301 410 443 667",
    ME: "207",
    NC: "252 336 472 704 743 828 910 919 980 984",
    NH: "603",
    NJ: "201 551 609 640 732 848 856 862 908 973",
    NY: "212 315 329 332 347 363 516 518 585 607 631 646 680 716 718 838 845 914 917 929 934",
    OH: "216 220 234 283 326 330 380 419 440 513 567 614 740 937",
    PA: "215 223 267 272 412 445 484 570 582 610 717 724 814 835 878",
    RI: "401",
    SC: "803 821 839 843 854 864",
    TN: "423 865",
    VA: "276 434 540 571 686 703 757 804 826 948",
    VT: "802",
    WV: "304 681",
  },
  "America/Detroit": { MI: "231 248 269 313 517 586 616 679 734 810 906 947 989" },
  "America/Indiana/Indianapolis": { IN: "260 317 463 574 765 812 930" },
  "America/Kentucky/Louisville": { KY: "502 606 859" },
  "America/Chicago": {
    AL: "205 251 256 334 659 938",
    AR: "327 479 501 870",
    FL: "448 850",
    IA: "319 515 563 641 712",
    IL: "217 224 309 312 331 447 464 618 630 708 730 773 779 815 847 872",
    IN: "219",
    KS: "316 620 785 913",
    KY: "270 364",
    LA: "225 318 337 504 985",
    MN: "218 320 507 612 651 763 952",
    MO: "235 314 417 557 573 636 660 816 975",
    MS: "228 601 662 769",
    ND: "701",
    NE: "308 402 531",
    OK: "405 539 572 580 918",
    SD: "605",
    TN: "615 629 731 901 931",
    TX: "210 214 254 281 325 346 361 409 430 432 469 512 682 713 726 737 806 817 830 832 903 936 940 945 956 972 979",
    WI: "262 274 353 414 534 608 715 920",
  },
  "America/Denver": {
    CO: "303 719 720 748 970 983",
    MT: "406",
    NM: "505 575",
    TX: "915",
    UT: "385 435 801",
    WY: "307",
  },
  "America/Boise": { ID: "208 986" },
  "America/Phoenix": { AZ: "480 520 602 623 928" },
  "America/Los_Angeles": {
    CA: "209 213 279 310 323 341 350 369 408 415 424 442 510 530 559 562 619 626 628 650 657 661 669 707 714 738 747 760 805 818 820 831 840 858 909 916 925 949 951",
    NV: "702 725 775",
    OR: "458 503 541 971",
    WA: "206 253 360 425 509 564",
  },
  "America/Anchorage": { AK: "907" },
  "Pacific/Honolulu": { HI: "808" },
  "America/Puerto_Rico": { PR: "787 939" },
  "America/St_Thomas": { VI: "340" },
  "Pacific/Guam": { GU: "671" },
  "Pacific/Saipan": { MP: "670" },
  "Pacific/Pago_Pago": { AS: "684" },
  "America/St_Johns": { NL: "709 879" },
  "America/Halifax": { NS_PE: "782 902" },
  "America/Moncton": { NB: "428 506" },
  "America/Toronto": {
    ON: "226 249 289 343 365 382 416 437 519 548 613 647 683 705 742 753 807 905 942",
    QC: "263 354 367 418 438 450 468 514 579 581 819 873",
  },
  "America/Winnipeg": { MB: "204 431 584" },
  "America/Regina": { SK: "306 474 639" },
  "America/Edmonton": { AB: "368 403 587 780 825", NT_NU_YT: "867" },
  "America/Vancouver": { BC: "236 250 257 604 672 778" },
};
