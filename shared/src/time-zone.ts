/** The councils this app serves sit in Belgium: their times are read on Brussels' clock. */
export const COUNCIL_TIME_ZONE = 'Europe/Brussels';
