/** The GitHub layer: the only module that talks to GitHub. */
export {
  appAuthOf,
  createGitHubClient,
  setGitHubPacingForTests,
  type GitHubClient,
  type GitHubClientOptions,
  type GitHubLogger,
} from "./createGitHubClient.js";
export { GitHubError, isGitHubError, type GitHubErrorKind } from "./GitHubError.js";
export {
  classifyGitHubError,
  toGitHubError,
  type GitHubCallContext,
  type GitHubErrorClassification,
} from "./classifyGitHubError.js";
export {
  upsertPullRequestComment,
  type UpsertPullRequestCommentInput,
  type UpsertResult,
} from "./upsertPullRequestComment.js";
export {
  findOpenIssueByMarker,
  openIssue,
  commentOnIssue,
  closeIssue,
  type GitHubIssue,
} from "./findOpenIssueByMarker.js";
export { dispatchWorkflow, dispatchRepositoryEvent, type WorkflowRunDetails } from "./dispatchWorkflow.js";
export {
  pullRequestContextOf,
  readPullRequestContext,
  type ActionsContext,
  type PullRequestContext,
} from "./readPullRequestContext.js";
export { getRepository, type RepositoryInfo } from "./getRepository.js";
export {
  MAX_COMMENT_BODY_CHARS,
  commentBodyLength,
  issueMarker,
  reportMarker,
  startsWithMarker,
} from "./reportMarker.js";
export { redactSecrets } from "./redactSecrets.js";
export {
  AUTHOR_OVERRIDE_HINT,
  GITHUB_ACTIONS_LOGIN,
  isAuthorLogin,
  resolveTokenAuthor,
  type TokenAuthor,
} from "./resolveTokenAuthor.js";
export { findMergedPullRequest, type MergedPullRequest } from "./findMergedPullRequest.js";
export {
  MONITOR_STATUS_PREFIX,
  reportDeploymentStatus,
  type MonitorDeploymentState,
  type ReportDeploymentStatusInput,
  type ReportDeploymentStatusResult,
} from "./reportDeploymentStatus.js";
export { GitHubAppAuth, TOKEN_REFRESH_MARGIN_MS, type GitHubAppCredentials } from "./GitHubAppAuth.js";
export {
  githubAppCredentials,
  githubAuthFromEnv,
  type GitHubAppSettings,
  type GitHubAuth,
} from "./githubAuthFromEnv.js";
