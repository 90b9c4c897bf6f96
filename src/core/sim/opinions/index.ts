export { carryOver } from './carryOver';
export { composeOpinion, evaluationCharsMax, type OpinionSpec } from './composeOpinion';
export { ENGINEERING_NOUNS } from './engineeringNouns';
export {
  evaluationText,
  fixedTextOf,
  textStreamName,
  type EvaluationOptions,
} from './evaluationText';
export { biasedText, equivocationPair, sycophantText } from './faultTexts';
export { makePersonas, personaStreamName, type Persona } from './makePersonas';
export { roundTask, type RoundTask } from './roundTask';
export { stanceOfText } from './stanceOfText';
