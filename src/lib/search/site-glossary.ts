// The site's glossary, src/data/glossary.json, loaded and checked (for Node: the build and tests).
// The search page fetches the same file from dist/search/glossary.json instead of bundling it.
import glossaryData from '../../data/glossary.json';
import { loadGlossary, type Glossary } from './variants';

export const glossary: Glossary = loadGlossary(glossaryData);
