import { ValidateBy } from 'class-validator';
import { FIRST_YEAR, isYear } from '../../domain/rules.js';

/**
 * A whole year from FIRST_YEAR to `latest()`, the domain's year rule as a class-validator check.
 * The latest year is asked for at each check, not once at start-up, so that a server running over
 * New Year moves its bound with the calendar.
 */
export function IsYearUpTo(latest: () => number): PropertyDecorator {
  return ValidateBy({
    name: 'isYearUpTo',
    validator: {
      validate: (value: unknown) => typeof value === 'number' && isYear(value, latest()),
      defaultMessage: () => `$property must be a whole year from ${FIRST_YEAR} to ${latest()}`,
    },
  });
}
