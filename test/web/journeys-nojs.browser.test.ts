/** The same core journeys with JavaScript switched off: every page is server-rendered HTML and plain forms. */
import { journeys } from './support/journeys';

jest.setTimeout(120_000);

describe('without JavaScript', () => journeys(false));
