/** Messages of the data import, the templates and the report files (PDF, XLSX, CSV) and charts. */
export const dataIoDe = {
  'data.import.link': 'Datensätze aus einer Datei importieren',
  'data.import.title': 'Datensätze importieren',
  'data.import.back': 'Zurück zur Datenerhebung',
  'data.import.intro':
    'Sie können Datensätze für das Berichtsjahr {year} aus einer CSV- oder Excel-Datei (XLSX) übernehmen, höchstens {max} Zeilen. Die ganze Datei wird zuerst geprüft. Gespeichert wird nur, wenn alle Zeilen gültig sind – oder wenn Sie ausdrücklich wählen, nur die gültigen Zeilen zu übernehmen.',
  'data.import.template_xlsx': 'Vorlage als Excel-Datei (XLSX, mit Erläuterungen und Auswahllisten)',
  'data.import.template_csv': 'Vorlage als CSV-Datei (UTF-8, Semikolon)',
  'data.import.format_hint':
    'Jede Zeile ist ein Datensatz, die erste Zeile enthält die Spaltennamen der Vorlage. Eingetragen werden die Schlüssel aus der Erläuterung (zum Beispiel female, 22_29, NG). Mehrere Angaben in einer Zelle trennen Sie mit |. CSV-Dateien müssen UTF-8-kodiert sein; Komma und Semikolon als Trennzeichen sind beide möglich. Die Fallnummern vergibt die Plattform.',
  'data.import.file': 'Datei (CSV oder XLSX)',
  'data.import.file_hint': 'Höchstens 10 MB. Keine Namen oder anderen personenbezogenen Angaben.',
  'data.import.release':
    'Datensätze mit dokumentierter Einwilligung gleich für die Auswertung freigeben (sonst werden sie als vollständig gespeichert)',
  'data.import.mode': 'Wenn die Datei fehlerhafte Zeilen enthält',
  'data.import.mode_all': 'nichts importieren und die Fehler anzeigen',
  'data.import.mode_valid': 'nur die gültigen Zeilen importieren, die fehlerhaften auslassen',
  'data.import.submit': 'Datei prüfen und importieren',
  'data.import.choose_again':
    'Bitte wählen Sie die Datei erneut aus – korrigiert, oder mit der Auswahl „nur die gültigen Zeilen importieren“.',
  'data.import.problems_title': 'Die Datei wurde nicht importiert',
  'data.import.problems_summary':
    '{invalid} von {rows} Zeilen enthalten Fehler; {valid} Zeilen sind gültig. Es wurde nichts gespeichert.',
  'data.import.header_invalid':
    'Die Spalten der Datei passen nicht zur Vorlage. Bitte verwenden Sie die Vorlage dieses Berichtsjahres.',
  'data.import.has_errors': '{rows} Zeilen enthalten Fehler; es wurde nichts gespeichert.',
  'data.import.nothing_valid': 'Die Datei enthält keine gültige Zeile; es wurde nichts gespeichert.',
  'data.import.table_caption': 'Gefundene Fehler ({count})',
  'data.import.col_line': 'Zeile',
  'data.import.col_column': 'Spalte',
  'data.import.col_value': 'Wert in der Datei',
  'data.import.col_reason': 'Problem',
  'data.import.empty_value': '(leer)',
  'data.import.more_problems': '… und {count} weitere Fehler.',
  'data.import.done':
    '{count} Datensätze wurden importiert ({released} davon freigegeben), Fallnummern {first} bis {last}.',
  'data.import.done_skipped': '{count} fehlerhafte Zeilen wurden ausgelassen.',
  'data.import.unknown_column': 'Diese Spalte gibt es in der Vorlage nicht.',
  'data.import.repeated_column': 'Diese Spalte kommt mehrfach vor.',
  'data.import.missing_column': 'Diese Spalte der Vorlage fehlt.',
  'data.import.extra_cells': 'Die Zeile hat mehr Zellen als die Kopfzeile ({count}).',
  'data.import.file_empty': 'Die Datei ist leer.',
  'data.import.no_rows': 'Die Datei enthält nur die Kopfzeile, aber keine Datensätze.',
  'data.import.file_too_large': 'Die Datei ist zu groß (höchstens {max} MB).',
  'data.import.too_many_rows':
    'Die Datei hat zu viele Zeilen (höchstens {max}). Bitte teilen Sie sie auf mehrere Dateien auf.',
  'data.import.file_type':
    'Das ist keine CSV- oder XLSX-Datei. Bitte speichern Sie die Tabelle als „CSV UTF-8“ oder als Excel-Arbeitsmappe (.xlsx).',
  'data.import.not_utf8':
    'Die CSV-Datei ist nicht UTF-8-kodiert. Bitte speichern Sie sie in Excel als „CSV UTF-8 (durch Trennzeichen getrennt)“.',
  'data.import.unreadable': 'Die Datei kann nicht gelesen werden: {reason}',
  'data.export.title': 'Datenbericht {year}',
  'data.export.download': 'Herunterladen',
  'data.export.pdf': 'Datenbericht als PDF',
  'data.export.xlsx': 'Tabellen als Excel-Datei (XLSX)',
  'data.export.csv': 'Tabellen als CSV-Datei',
  'data.export.json': 'Daten als JSON',
  'data.export.subtitle': 'Anonymisierte Falldaten der Fachberatungsstellen im KOK',
  'data.export.created': 'Erstellt am {date}',
  'data.export.contents': 'Inhalt',
  'data.export.overview': 'Überblick',
  'data.export.method': 'Methodische Hinweise',
  'data.export.method_text':
    'Gezählt werden nur Datensätze, für die eine Einwilligung dokumentiert ist und die von der Fachberatungsstelle für die Auswertung freigegeben wurden. Die Datensätze enthalten keine Namen, kein Geburtsdatum und keine Adressen. Damit keine Zahl auf eine einzelne Person hinweist, wird jede Zahl unter {k} nicht ausgewiesen (primäre Sperrung). Zusätzlich werden weitere Zahlen zurückgehalten, damit gesperrte Werte nicht aus Zeilen-, Spalten- oder Gesamtsummen errechnet werden können (sekundäre Sperrung); Tabellen mit gemeinsamen Randsummen werden gemeinsam geschützt. Eine Tabelle, deren Gesamtzahl unter {k} liegt, wird nicht veröffentlicht. Prozentwerte werden für gesperrte Zahlen nicht angegeben.',
  'data.export.method_multiple':
    'Bei Tabellen mit Mehrfachnennungen kann eine Person in mehreren Zeilen gezählt werden; die Summe der Zeilen ist dann größer als die Zahl der Personen.',
  'data.export.method_comparison':
    'Der Vergleich mit früheren Jahren verwendet die Zuordnung zwischen den Versionen des Codebuchs; wo Kategorien zusammengefasst wurden, werden die veröffentlichten Zahlen addiert. Wo eine Zahl gesperrt war, ist kein Vergleich möglich („–“).',
  'data.export.codebook': 'Codebuch: Version {version}',
  'data.export.not_published_table':
    'Diese Tabelle wird nicht veröffentlicht, weil ihre Gesamtzahl unter {k} liegt.',
  'data.export.page': 'Seite {page}',
  'data.export.table_col': 'Tabelle',
  'data.export.row_col': 'Zeile',
  'data.export.col_col': 'Spalte',
  'data.export.value_col': 'Anzahl',
  'data.export.suppressed_col': 'gesperrt',
  'data.export.total': 'Insgesamt',
  'data.export.year': 'Berichtsjahr',
  'data.export.threshold': 'Schwellenwert k',
  'data.export.documented': 'Dokumentierte Datensätze',
  'data.export.released': 'Freigegebene Datensätze (in der Auswertung)',
  'data.export.suppressed_note': 'leere Zelle: gesperrt (< {k})',
  'data.export.bad_format': 'Unbekanntes Format. Möglich sind json, pdf, xlsx und csv.',
  'data.chart.description':
    'Balkendiagramm mit {count} Kategorien. Nicht ausgewiesene Werte haben keinen Balken. Die genauen Zahlen stehen in der Tabelle.',
  'data.compare.previous': '{year}',
  'data.compare.heading': 'Vergleich mit {year}',
  'data.compare.none': '–',
  'data.compare.note':
    'Die Spalte {year} zeigt die veröffentlichten Zahlen des Vorjahres, übertragen in die Kategorien dieses Jahres. „–“: kein Vergleich möglich.',
} as const;

export const dataIoEn: Record<keyof typeof dataIoDe, string> = {
  'data.import.link': 'Import records from a file',
  'data.import.title': 'Import records',
  'data.import.back': 'Back to data collection',
  'data.import.intro':
    'You can import records for the reporting year {year} from a CSV or Excel (XLSX) file, at most {max} rows. The whole file is checked first. Records are saved only when every row is valid – or when you explicitly choose to import only the valid rows.',
  'data.import.template_xlsx': 'Template as an Excel file (XLSX, with explanations and selection lists)',
  'data.import.template_csv': 'Template as a CSV file (UTF-8, semicolon)',
  'data.import.format_hint':
    'Each row is one record; the first row holds the column names of the template. Enter the keys from the explanation (for example female, 22_29, NG). Separate several values in one cell with |. CSV files must be UTF-8 encoded; comma and semicolon both work as delimiters. The platform assigns the case numbers.',
  'data.import.file': 'File (CSV or XLSX)',
  'data.import.file_hint': 'At most 10 MB. No names or other personal data.',
  'data.import.release':
    'Release records with recorded consent for the analysis straight away (otherwise they are saved as complete)',
  'data.import.mode': 'If the file contains rows with errors',
  'data.import.mode_all': 'import nothing and show the errors',
  'data.import.mode_valid': 'import only the valid rows and leave out the others',
  'data.import.submit': 'Check and import file',
  'data.import.choose_again':
    'Please choose the file again – corrected, or with “import only the valid rows” selected.',
  'data.import.problems_title': 'The file was not imported',
  'data.import.problems_summary':
    '{invalid} of {rows} rows contain errors; {valid} rows are valid. Nothing was saved.',
  'data.import.header_invalid':
    'The columns of the file do not match the template. Please use the template of this reporting year.',
  'data.import.has_errors': '{rows} rows contain errors; nothing was saved.',
  'data.import.nothing_valid': 'The file contains no valid row; nothing was saved.',
  'data.import.table_caption': 'Errors found ({count})',
  'data.import.col_line': 'Row',
  'data.import.col_column': 'Column',
  'data.import.col_value': 'Value in the file',
  'data.import.col_reason': 'Problem',
  'data.import.empty_value': '(empty)',
  'data.import.more_problems': '… and {count} more errors.',
  'data.import.done':
    '{count} records were imported ({released} of them released), case numbers {first} to {last}.',
  'data.import.done_skipped': '{count} rows with errors were left out.',
  'data.import.unknown_column': 'The template has no such column.',
  'data.import.repeated_column': 'This column appears more than once.',
  'data.import.missing_column': 'This column of the template is missing.',
  'data.import.extra_cells': 'The row has more cells than the header ({count}).',
  'data.import.file_empty': 'The file is empty.',
  'data.import.no_rows': 'The file holds only the header row and no records.',
  'data.import.file_too_large': 'The file is too large (at most {max} MB).',
  'data.import.too_many_rows':
    'The file has too many rows (at most {max}). Please split it into several files.',
  'data.import.file_type':
    'This is not a CSV or XLSX file. Please save the table as “CSV UTF-8” or as an Excel workbook (.xlsx).',
  'data.import.not_utf8':
    'The CSV file is not UTF-8 encoded. Please save it in Excel as “CSV UTF-8 (comma delimited)”.',
  'data.import.unreadable': 'The file cannot be read: {reason}',
  'data.export.title': 'Data report {year}',
  'data.export.download': 'Download',
  'data.export.pdf': 'Data report as PDF',
  'data.export.xlsx': 'Tables as an Excel file (XLSX)',
  'data.export.csv': 'Tables as a CSV file',
  'data.export.json': 'Data as JSON',
  'data.export.subtitle': 'Anonymised case data of the counselling centres in the KOK network',
  'data.export.created': 'Created on {date}',
  'data.export.contents': 'Contents',
  'data.export.overview': 'Overview',
  'data.export.method': 'Method notes',
  'data.export.method_text':
    'Only records with recorded consent that the counselling centre released for the analysis are counted. The records hold no names, no dates of birth and no addresses. So that no figure points to a single person, every figure below {k} is withheld (primary suppression). Further figures are withheld so that withheld values cannot be worked out from row, column or grand totals (secondary suppression); tables that share totals are protected together. A table whose total is below {k} is not published. Percentages are not given for withheld figures.',
  'data.export.method_multiple':
    'In tables with multiple answers one person can be counted in several rows; the rows then add up to more than the number of persons.',
  'data.export.method_comparison':
    'The comparison with earlier years uses the mapping between codebook versions; where categories were merged, the published figures are added. Where a figure was withheld no comparison is possible (“–”).',
  'data.export.codebook': 'Codebook: version {version}',
  'data.export.not_published_table': 'This table is not published because its total is below {k}.',
  'data.export.page': 'Page {page}',
  'data.export.table_col': 'Table',
  'data.export.row_col': 'Row',
  'data.export.col_col': 'Column',
  'data.export.value_col': 'Number',
  'data.export.suppressed_col': 'withheld',
  'data.export.total': 'Total',
  'data.export.year': 'Reporting year',
  'data.export.threshold': 'Threshold k',
  'data.export.documented': 'Documented records',
  'data.export.released': 'Released records (in the analysis)',
  'data.export.suppressed_note': 'empty cell: withheld (< {k})',
  'data.export.bad_format': 'Unknown format. Possible are json, pdf, xlsx and csv.',
  'data.chart.description':
    'Bar chart with {count} categories. Withheld figures have no bar. The exact figures are in the table.',
  'data.compare.previous': '{year}',
  'data.compare.heading': 'Comparison with {year}',
  'data.compare.none': '–',
  'data.compare.note':
    'The column {year} shows the published figures of the previous year, carried over into this year’s categories. “–”: no comparison possible.',
};
