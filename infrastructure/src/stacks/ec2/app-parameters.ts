import { type AppParameterKey, appParameterName } from '@mini-ecommerce/stack-model';
import { sub, type Expr } from '../../model/intrinsics';
import type { TemplateBuilder } from '../../model/template';
import { ENV_PLACEHOLDER, envSub, importFrom } from '../common';

export function addAppParameters(
  template: TemplateBuilder,
  values: { webOrigin: Expr; logLevel: Expr },
): void {
  const parameters: {
    [K in Exclude<AppParameterKey, 'jwtSecret' | 'apiRelease'>]: {
      id: string;
      value: Expr;
      description: string;
    };
  } = {
    appEnv: {
      id: 'AppEnvParameter',
      value: sub('${Environment}'),
      description: 'APP_ENV of the API',
    },
    imagesBucket: {
      id: 'ImagesBucketParameter',
      value: importFrom('imagesBucketName'),
      description: 'IMAGES_BUCKET of the API',
    },
    webOrigin: {
      id: 'WebOriginParameter',
      value: values.webOrigin,
      description: 'WEB_ORIGIN of the API',
    },
    artifactsBucket: {
      id: 'ArtifactsBucketParameter',
      value: importFrom('artifactsBucketName'),
      description: 'Bucket of the API bundle',
    },
    logLevel: {
      id: 'LogLevelParameter',
      value: values.logLevel,
      description: 'LOG_LEVEL of the API',
    },
  };
  for (const [key, p] of Object.entries(parameters) as [
    Exclude<AppParameterKey, 'jwtSecret' | 'apiRelease'>,
    (typeof parameters)[keyof typeof parameters],
  ][]) {
    template.resource(p.id, 'AWS::SSM::Parameter', {
      Name: envSub(appParameterName(ENV_PLACEHOLDER, key)),
      Type: 'String',
      Value: p.value,
      Description: p.description,
    });
  }
}
