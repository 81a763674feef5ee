import type { Route } from '../app/route';
import { showHelp, unknownAction } from './help-routes';
import { quietInstallEvents, welcomeOnInstall } from './install-routes';
import { setLanguage, showLanguageChoice } from './language-routes';
import { answerQuestion, askFollowUp, showTopic, thankForFeedback } from './question-routes';
import { answerQuiz, openQuiz } from './quiz-routes';
import { refreshQuiz } from './quiz-refresh-routes';
import { showMeetingKit } from './meeting-kit-routes';
import { answerPulse, reopenPulse } from './pulse-routes';
import { confirmSendPulse, previewOrSendPulse } from './pulse-admin-routes';
import { campaignStatus, confirmSend, pauseCampaign, previewOrSendTheme, resumeCampaign } from './admin-routes';
import { answerCheck } from './check-routes';
import { commitToHabit } from './commit-routes';
import { openReminder, setReminder } from './reminder-routes';
import { showStatistics } from './statistics-routes';
import { askToDeleteMyData, deleteMyData, keepOwnDataPrivate, showMyData } from './privacy-routes';
import { pauseNudges, resumeNudges } from './pause-routes';
import { askIt } from './ask-it-routes';
import { markReportHandled, setItChannel } from './it-channel-routes';
import { receiveReportFiles } from './report-file-routes';
import { openReportForm, submitReport } from './report-routes';

/** Order matters: the first route that selects a turn handles it; catch-alls last. */
export const ALL_ROUTES: Route[] = [
  welcomeOnInstall,
  quietInstallEvents,
  showHelp,
  showLanguageChoice,
  setLanguage,
  pauseNudges,
  resumeNudges,
  campaignStatus,
  // Before the theme commands: "send puls" would otherwise read as an unknown theme.
  previewOrSendPulse,
  confirmSendPulse,
  previewOrSendTheme,
  confirmSend,
  pauseCampaign,
  resumeCampaign,
  showStatistics,
  openQuiz,
  answerQuiz,
  refreshQuiz,
  answerCheck,
  answerPulse,
  reopenPulse,
  commitToHabit,
  showMeetingKit,
  openReminder,
  setReminder,
  keepOwnDataPrivate,
  showMyData,
  askToDeleteMyData,
  deleteMyData,
  // Meld fra: before the catch-alls; files before any route that reads message text.
  openReportForm,
  submitReport,
  receiveReportFiles,
  askIt,
  setItChannel,
  markReportHandled,
  askFollowUp,
  showTopic,
  thankForFeedback,
  unknownAction,
  // Catch-all: any other text is a question.
  answerQuestion,
];
