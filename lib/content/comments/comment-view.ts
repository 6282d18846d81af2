import 'server-only';

export type CommentView = {
  id: string;
  itemId: string;
  body: string;
  quote: string | null;
  author: { id: string; name: string };
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: { id: string; name: string } | null;
};

export const commentSelect = {
  id: true,
  itemId: true,
  body: true,
  quote: true,
  createdAt: true,
  resolvedAt: true,
  author: { select: { id: true, name: true } },
  resolvedBy: { select: { id: true, name: true } },
} as const;
