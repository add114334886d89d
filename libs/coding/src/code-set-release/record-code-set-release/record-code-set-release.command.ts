import type { CodeSetReleaseMetadata, CodeSetReleaseRecorded, CodeSetReleasesState } from '../code-set-release.state';

/** The release id derives from the content, so importing the same file again records nothing (issue 4). */
export function decideRecordCodeSetRelease(release: CodeSetReleaseMetadata, state: CodeSetReleasesState): CodeSetReleaseRecorded[] {
  if (state.releases.some((held) => held.releaseId === release.releaseId)) return [];
  return [{ type: 'coding.CodeSetReleaseRecorded', data: release }];
}
