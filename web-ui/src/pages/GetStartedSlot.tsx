/**
 * The home page's first place, kept for the get-started card that leads a new user through
 * adding folders, GitHub owners and a token (issue #12, stream "onboarding" builds it). It shows
 * while setup is incomplete and nothing here otherwise; until that card exists it renders nothing.
 */
export function GetStartedSlot() {
  return null;
}
