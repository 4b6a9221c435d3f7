import type { Handlers } from '../../generated/recommendations/handlers.gen.ts';
import type { RecommendationsDeps } from './deps.ts';
import { recommendForUser } from './domain/recommend.ts';
import { userNotFound } from './problems.ts';

/**
 * GET /users/{userId}/recommendations: a shopper's personal feed, best first; the current
 * `X-Session-Id` lets this visit's views count.
 * @example await getUserRecommendations({ path: { userId }, headers: { 'X-Session-Id': sessionId }, auth, context })
 */
export const getUserRecommendations: Handlers<RecommendationsDeps>['getUserRecommendations'] = async ({
  path,
  query,
  headers,
  context,
}) => {
  const items = await recommendForUser(context.deps.signals, {
    userId: path.userId,
    sessionId: headers['X-Session-Id'],
    limit: query.limit,
  });
  if (!items) return userNotFound(path.userId, context.requestId);
  return { status: 200, body: { userId: path.userId, items } };
};
