// Spanish word lists of the date grammar (month and weekday names).

export const SPANISH_MONTHS: Record<string, number> = {
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8,
  septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
};

export const ES_MONTH_RE = `(?:${Object.keys(SPANISH_MONTHS).join('|')}|${Object.keys(SPANISH_MONTHS).map(capitalize).join('|')})`;

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const ES_WEEKDAYS: Record<string, number> = {
  domingo: 0, lunes: 1, martes: 2, 'miércoles': 3, miercoles: 3, jueves: 4, viernes: 5, 'sábado': 6, sabado: 6,
};
export const ES_WEEKDAY_RE = `(?:${Object.keys(ES_WEEKDAYS).join('|')})`;
