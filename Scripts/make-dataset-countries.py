#!/usr/bin/env python3
"""Writes Sources/DiploImport/DataSets/Tables/dataset_countries.json: the Office of the Historian's country id
slugs (visits' <from id>, travels' <country id>, rdcr article names) to ISO 3166-1 codes, and the
historical states, which have none. Run from the repository with the data set folder as argument:

    python3 Scripts/make-dataset-countries.py ../shared/data/history-state

ISO codes come from the iso-codes package (/usr/share/iso-codes/json); names and the historical
states' notes are the manual table below. Review the output by eye before committing it."""
import xml.etree.ElementTree as ET, glob, json, unicodedata, re, sys, collections

root = sys.argv[1]
iso = json.load(open('/usr/share/iso-codes/json/iso_3166-1.json'))['3166-1']
def fold(s): return re.sub(r'[^a-z0-9]+', '-', unicodedata.normalize('NFKD', s).encode('ascii', 'ignore').decode().lower()).strip('-')
by_name = {}
for c in iso:
    for k in ('common_name', 'name', 'official_name'):
        if k in c: by_name.setdefault(fold(c[k]), c['alpha_2'])

# Slugs whose code the names do not give.
MANUAL = {
    'bosnia-herzegovina': 'BA', 'brunei': 'BN', 'burma': 'MM', 'cape-verde': 'CV',
    'congo-democratic-republic': 'CD', 'congo-kinshasa': 'CD', 'congo-republic': 'CG', 'cote-divoire': 'CI',
    'holy-see': 'VA', 'korea': 'KR', 'korea-south': 'KR', 'korea-north': 'KP', 'kosovo': 'XK',
    'macedonia': 'MK', 'micronesia': 'FM', 'palestinian-authority': 'PS', 'west-bank': 'PS',
    'russia': 'RU', 'saint-kitts-nevis': 'KN', 'saint-vincent-grenadines': 'VC', 'somoa': 'WS',
    'swaziland': 'SZ', 'turkey': 'TR', 'samoa': 'WS',
}
# English names users type; the rest take the iso-codes common name, else its name.
NAMES = {
    'US': 'United States', 'GB': 'United Kingdom', 'KR': 'South Korea', 'KP': 'North Korea', 'VN': 'Vietnam',
    'RU': 'Russia', 'CN': 'China', 'TW': 'Taiwan', 'IR': 'Iran', 'SY': 'Syria', 'LA': 'Laos', 'BO': 'Bolivia',
    'VE': 'Venezuela', 'TZ': 'Tanzania', 'MD': 'Moldova', 'CD': 'Democratic Republic of the Congo',
    'CG': 'Republic of the Congo', 'VA': 'Holy See', 'FM': 'Micronesia', 'PS': 'Palestine', 'XK': 'Kosovo',
    'CZ': 'Czechia', 'MK': 'North Macedonia', 'TR': 'Türkiye', 'SZ': 'Eswatini', 'MM': 'Burma (Myanmar)',
    'CI': "Côte d'Ivoire", 'CV': 'Cabo Verde', 'BN': 'Brunei', 'BS': 'Bahamas', 'GM': 'The Gambia',
    'KN': 'Saint Kitts and Nevis', 'VC': 'Saint Vincent and the Grenadines', 'LC': 'Saint Lucia',
    'BA': 'Bosnia and Herzegovina', 'TL': 'Timor-Leste', 'BF': 'Burkina Faso', 'AN': 'Netherlands Antilles',
    'NL': 'Netherlands', 'AQ': 'Antarctica', 'SA': 'Saudi Arabia', 'AE': 'United Arab Emirates',
}
# States that no longer exist (ISO 3166-1 has no code for them): their own country entity,
# no ISO code, with the years and today's successors in a note. The rdcr articles mark them "*".
HISTORICAL = {
    'austrian-empire': ('Austrian Empire', '1804–1918 (Austria-Hungary from 1867)', ['AT', 'HU']),
    'baden': ('Baden', 'to 1871 (joined the German Empire)', ['DE']),
    'bavaria': ('Bavaria', 'to 1871 (joined the German Empire)', ['DE']),
    'brunswick-luneburg': ('Brunswick and Lüneburg', 'to 1871 (joined the German Empire)', ['DE']),
    'central-american-federation': ('Central American Federation', '1823–1841', ['GT', 'SV', 'HN', 'NI', 'CR']),
    'congo-free-state': ('Congo Free State', '1885–1908', ['CD']),
    'federal-government-germany': ('Federal Government of Germany (1848–49)', '1848–1849', ['DE']),
    'genoa': ('Republic of Genoa', 'to 1797', ['IT']),
    'german-democratic-republic': ('German Democratic Republic', '1949–1990', ['DE']),
    'grand-duchy-tuscany': ('Grand Duchy of Tuscany', 'to 1860', ['IT']),
    'hanover': ('Hanover', 'to 1866', ['DE']),
    'hanseatic-republics': ('Hanseatic Republics', 'to 1871 (joined the German Empire)', ['DE']),
    'hawaii': ('Kingdom of Hawaii', 'to 1898 (annexed by the United States)', ['US']),
    'hesse': ('Hesse', 'to 1871 (joined the German Empire)', ['DE']),
    'kingdom-of-yugoslavia': ('Kingdom of Serbia/Yugoslavia', '1882–1945', ['RS', 'HR', 'SI', 'BA', 'ME', 'MK']),
    'lew-chew': ('Lew Chew (Ryukyu Kingdom)', 'to 1879 (annexed by Japan)', ['JP']),
    'mecklenburg-schwerin': ('Mecklenburg-Schwerin', 'to 1871 (joined the German Empire)', ['DE']),
    'mecklenburg-strelitz': ('Mecklenburg-Strelitz', 'to 1871 (joined the German Empire)', ['DE']),
    'nassau': ('Nassau', 'to 1866', ['DE']),
    'north-german-confederation': ('North German Confederation', '1867–1871', ['DE']),
    'north-german-union': ('North German Union', '1867–1871', ['DE']),
    'oldenburg': ('Oldenburg', 'to 1871 (joined the German Empire)', ['DE']),
    'orange-free-state': ('Orange Free State', '1854–1902', ['ZA']),
    'papal-states': ('Papal States', 'to 1870', ['VA', 'IT']),
    'parma': ('Duchy of Parma', 'to 1860', ['IT']),
    'piedmont-sardinia': ('Piedmont-Sardinia', 'to 1861 (became the Kingdom of Italy)', ['IT']),
    'schaumburg-lippe': ('Schaumburg-Lippe', 'to 1871 (joined the German Empire)', ['DE']),
    'soviet-union': ('Soviet Union', '1922–1991', ['RU', 'UA', 'BY', 'KZ', 'UZ', 'GE', 'AZ', 'LT', 'LV', 'EE', 'MD', 'KG', 'TJ', 'AM', 'TM']),
    'texas': ('Republic of Texas', '1836–1845 (joined the United States)', ['US']),
    'two-sicilies': ('Kingdom of the Two Sicilies', 'to 1861', ['IT']),
    'wurttemberg': ('Württemberg', 'to 1871 (joined the German Empire)', ['DE']),
    'czechoslovakia': ('Czechoslovakia', '1918–1992', ['CZ', 'SK']),
    'yugoslavia': ('Yugoslavia', '1945–2003 (then Serbia and Montenegro to 2006)', ['RS', 'HR', 'SI', 'BA', 'ME', 'MK', 'XK']),
    'netherlands-antilles': ('Netherlands Antilles', '1954–2010', ['CW', 'SX', 'BQ']),
}

# Other names of historical states: a record whose country label is one of them is that state,
# whatever its slug (the visits file Gorbachev's visits, labelled "U.S.S.R.", under `russia`).
ALIASES = {
    'soviet-union': ['U.S.S.R.', 'USSR', 'Union of Soviet Socialist Republics', 'Soviet Union'],
    'german-democratic-republic': ['East Germany', 'German Democratic Republic'],
    'czechoslovakia': ['Czechoslovakia', 'Czechoslovakia (government-in-exile)'],
    'yugoslavia': ['Yugoslavia', 'Socialist Federal Republic of Yugoslavia'],
    'hawaii': ['Hawaii', 'Kingdom of Hawaii'],
    'texas': ['Republic of Texas'],
    'austrian-empire': ['Austria-Hungary', 'Austro-Hungarian Empire'],
}
labels = collections.defaultdict(collections.Counter)
for f in glob.glob(f'{root}/visits/*.xml'):
    for v in ET.parse(f).getroot().findall('visit'): labels[v.find('from').get('id')][v.findtext('from').strip()] += 1
for f in glob.glob(f'{root}/travels/*-travels/*.xml'):
    for v in ET.parse(f).getroot().findall('trip'): labels[v.find('country').get('id')][v.findtext('country').strip()] += 1
ns = {'t': 'http://www.tei-c.org/ns/1.0'}
for f in glob.glob(f'{root}/rdcr/articles/*.xml'):
    t = ET.parse(f).getroot().find('.//t:title[@type="short"]', ns)
    labels[f.split('/')[-1][:-4]][' '.join(t.itertext()).strip().rstrip('*')] += 1
by_code = {c['alpha_2']: c for c in iso}
countries, historical = {}, {}
for slug in sorted(labels):
    if slug in HISTORICAL:
        name, years, successors = HISTORICAL[slug]
        historical[slug] = {'name': name, 'years': years, 'successors': successors, 'aliases': ALIASES.get(slug, [])}
        continue
    label = labels[slug].most_common(1)[0][0]
    code = MANUAL.get(slug) or by_name.get(slug) or by_name.get(fold(label))
    if not code:
        sys.exit(f'no code for {slug} ({label}): add it to MANUAL or HISTORICAL')
    c = by_code.get(code, {})
    countries[slug] = {'iso': code, 'name': NAMES.get(code) or c.get('common_name') or c.get('name') or label}
countries['united-states'] = {'iso': 'US', 'name': 'United States'}
out = {
    'about': 'Office of the Historian country id slugs to ISO 3166-1 alpha-2 codes (made by Scripts/make-dataset-countries.py, reviewed by hand). Historical states have no code: each is a country entity of its own, with its years and the ISO codes of the states on its territory today.',
    'countries': countries,
    'historical': historical,
}
json.dump(out, open('Sources/DiploImport/DataSets/Tables/dataset_countries.json', 'w'), ensure_ascii=False, indent=1, sort_keys=True)
print(len(countries), 'countries,', len(historical), 'historical states')
