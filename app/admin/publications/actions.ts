'use server';

import { recordActions } from '@/lib/actions/record-actions';
import { publicationKind } from '@/lib/records/publication';

// The record pattern's actions (lib/actions/record-actions.ts), for publications' own pages.
const publications = recordActions(publicationKind);
export const createPublicationAction = publications.create;
export const updatePublicationAction = publications.update;
