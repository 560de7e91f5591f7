"""Romanian CNP county code (digits 8–9) → county → NUTS-2 region (NUTS 2021 classification).

Built from public knowledge: the county codes are those of the CNP standard (01–40 the counties
in alphabetical order with Bucharest as 40, 41–46 Bucharest's sectors 1–6, 47–48 the former
sectors 7–8, 51 Călărași, 52 Giurgiu); the county-to-region grouping is Romania's eight
development regions as listed in the NUTS 2021 regulation. Codes outside this table (e.g. the
codes used for residents registered without a county) have no region: the k-anonymity
diagnostic then omits the field rather than guessing one.
"""

from __future__ import annotations

from types import MappingProxyType

NUTS2_NAMES = MappingProxyType(
    {
        "RO11": "Nord-Vest",
        "RO12": "Centru",
        "RO21": "Nord-Est",
        "RO22": "Sud-Est",
        "RO31": "Sud-Muntenia",
        "RO32": "București-Ilfov",
        "RO41": "Sud-Vest Oltenia",
        "RO42": "Vest",
    }
)

# code: (county, NUTS-2)
COUNTIES = MappingProxyType(
    {
        "01": ("Alba", "RO12"),
        "02": ("Arad", "RO42"),
        "03": ("Argeș", "RO31"),
        "04": ("Bacău", "RO21"),
        "05": ("Bihor", "RO11"),
        "06": ("Bistrița-Năsăud", "RO11"),
        "07": ("Botoșani", "RO21"),
        "08": ("Brașov", "RO12"),
        "09": ("Brăila", "RO22"),
        "10": ("Buzău", "RO22"),
        "11": ("Caraș-Severin", "RO42"),
        "12": ("Cluj", "RO11"),
        "13": ("Constanța", "RO22"),
        "14": ("Covasna", "RO12"),
        "15": ("Dâmbovița", "RO31"),
        "16": ("Dolj", "RO41"),
        "17": ("Galați", "RO22"),
        "18": ("Gorj", "RO41"),
        "19": ("Harghita", "RO12"),
        "20": ("Hunedoara", "RO42"),
        "21": ("Ialomița", "RO31"),
        "22": ("Iași", "RO21"),
        "23": ("Ilfov", "RO32"),
        "24": ("Maramureș", "RO11"),
        "25": ("Mehedinți", "RO41"),
        "26": ("Mureș", "RO12"),
        "27": ("Neamț", "RO21"),
        "28": ("Olt", "RO41"),
        "29": ("Prahova", "RO31"),
        "30": ("Satu Mare", "RO11"),
        "31": ("Sălaj", "RO11"),
        "32": ("Sibiu", "RO12"),
        "33": ("Suceava", "RO21"),
        "34": ("Teleorman", "RO31"),
        "35": ("Timiș", "RO42"),
        "36": ("Tulcea", "RO22"),
        "37": ("Vaslui", "RO21"),
        "38": ("Vâlcea", "RO41"),
        "39": ("Vrancea", "RO22"),
        "40": ("București", "RO32"),
        "41": ("București Sector 1", "RO32"),
        "42": ("București Sector 2", "RO32"),
        "43": ("București Sector 3", "RO32"),
        "44": ("București Sector 4", "RO32"),
        "45": ("București Sector 5", "RO32"),
        "46": ("București Sector 6", "RO32"),
        "47": ("București Sector 7 (former)", "RO32"),
        "48": ("București Sector 8 (former)", "RO32"),
        "51": ("Călărași", "RO31"),
        "52": ("Giurgiu", "RO31"),
    }
)


def nuts2_for_county_code(code: str) -> str | None:
    """NUTS-2 code for a CNP county code, or None when the code names no county."""
    entry = COUNTIES.get(code)
    return entry[1] if entry else None
