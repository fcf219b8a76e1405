/** The core journeys with JavaScript on, with axe-core on every page and screenshots (test/web/support/journeys.ts). */
import { journeys } from './support/journeys';

jest.setTimeout(120_000);

describe('with JavaScript', () => journeys(true));
