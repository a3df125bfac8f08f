/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Camunda Tasklist's own config.js (7.24.0), with the locales set for Pedaflow and the shortcuts'
// descriptions (shown as they are in « Raccourcis clavier ») in French.
export default {
  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // Pedaflow: the checks Camunda Forms makes on the page, in French (form-js writes them in English)
  customScripts: ['scripts/pedaflow-form-messages'],
  //
  // Pedaflow: Tasklist in French (locales/fr.json), in English for a browser whose first language is
  // English, in French for every other language.
  locales: {
    availableLocales: ['fr', 'en'],
    fallbackLocale: 'fr'
  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'prendre en charge la tâche sélectionnée'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'aller au premier filtre de la liste'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'aller à la première tâche de la liste'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'aller au premier champ du formulaire de la tâche'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'ouvrir la fenêtre « Démarrer un processus »'
    }
  }
};
